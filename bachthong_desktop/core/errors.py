"""Errors meant for the user: one Vietnamese sentence that says what is wrong and what to do."""


class UserError(Exception):
    """A problem with the user's data, files or machine; `message` is shown as it is."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(UserError):
    """The command was called with wrong arguments."""

    exit_code = 2
