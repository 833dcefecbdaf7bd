"""Errors a user can act on. The CLI prints them as one line and exits non-zero; never a traceback."""


class InputError(Exception):
    """A document that cannot be read: names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
