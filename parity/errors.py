"""The one exception for bad usage or bad input (exit status 2)."""


class InputError(Exception):
    """Bad usage or bad input. Its message is one line meant for the user."""
