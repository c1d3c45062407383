"""The corpus: what its articles share (stories, quotes, entities, topics, the timeline) as
records for the pages and the exports.
"""
