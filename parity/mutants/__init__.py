"""The catalogue of known porting bugs (catalogue.py), as variants of numpy_net grouped by family."""
