"""The plain-Python core of the news-corpus explorer.

Nothing in this package imports Pelican: it turns the bytes of a scraped
article file into a cleaned :class:`~newscorpus.model.Article`, and the
Pelican glue in ``news_explorer`` only adapts that to Pelican's reader API.
"""
