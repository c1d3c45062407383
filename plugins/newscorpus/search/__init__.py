"""Search: the index of the articles in pieces a browser fetches as a query needs them."""
