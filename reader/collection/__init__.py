"""The collection side of the reader: many articles at once.

`discover` turns folders, globs, files, URLs and `-` into a list of sources; `batch` analyses them on
all cores (or `dask_engine` on a cluster), streaming one JSON document per article; `index` keeps
who said what across the collection in an SQLite database that `reader quotes` and the collection
screen query. Nothing here imports Textual.
"""
