"""Reading: a corpus file (a text dump or a saved web page) becomes an article: its text
without the page's furniture, headline, outlet, byline and dates.
"""
