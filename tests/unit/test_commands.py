"""The commands, written down once per place that names them: every target of the Makefile is
described in its head, and the README's table of commands names exactly those targets."""

from sitebuild import makefile_targets, readme_targets


def test_every_target_is_described_in_the_makefile():
    phony, described = makefile_targets()
    assert phony == described


def test_every_command_the_readme_names_is_a_target():
    """The README is the harvest's own; whatever commands it names exist (tests/oogst checks that this
    harvest's README lists them all)."""
    _, described = makefile_targets()
    assert readme_targets() <= described
