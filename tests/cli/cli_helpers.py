"""Running `bachthong` in the test process, as the command-line tests do."""

from bachthong_desktop.cli import main


def run(capsys, *argv):
    """The exit code, standard output and standard error of one command."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
