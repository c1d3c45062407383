"""Entities and dates: the model's names in each article, their types and spans repaired,
folded into one name per thing across the corpus; date expressions resolved.
"""
