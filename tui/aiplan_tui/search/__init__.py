"""The search engine: documents, the index, the query language, ranking. No Textual."""
