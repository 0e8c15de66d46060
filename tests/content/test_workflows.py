"""The publishing workflows: valid for GitHub, pinned, least privilege, deploy only after all checks."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; keep it as text.
    text = path.read_text(encoding="utf-8").replace("\non:", '\n"on":')
    return yaml.safe_load(text)


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_there_are_a_check_a_publish_and_a_new_harvest_workflow():
    assert [p.name for p in FILES] == ["controle.yml", "nieuwe-oogst.yml", "publiceren.yml", "verhaal-uit-issue.yml"]


def test_the_new_harvest_form_never_puts_its_input_in_a_command():
    """The form's values are untrusted text: they reach `make kring-hier` through the environment."""
    text = (WORKFLOWS / "nieuwe-oogst.yml").read_text(encoding="utf-8")
    workflow = load(WORKFLOWS / "nieuwe-oogst.yml")
    assert set(workflow["on"]["workflow_dispatch"]["inputs"]) == {"naam", "kleur", "kleur_donker"}
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), step
    assert "make kring-hier" in text and "gh pr create" in text
    # The starter's 'VUL IN' is listed, not refused, before the pull request exists.
    check = next(s for s in steps(workflow) if s.get("run") == "make check")
    assert check["env"]["CI"] == "false"
    job = workflow["jobs"]["nieuwe-oogst"]
    assert job["env"] == {"NAAM": "${{ inputs.naam }}", "KLEUR": "${{ inputs.kleur }}",
                          "KLEUR_DONKER": "${{ inputs.kleur_donker }}"}


def test_workflows_validate_against_githubs_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    uses = [line for line in lines if "uses:" in line]
    assert uses
    for line in uses:
        ref = line.split("uses:", 1)[1].split("#")[0].strip()
        assert PINNED.match(ref), line
        assert "# v" in line, f"versie ontbreekt als commentaar: {line}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_concurrency(path):
    workflow = load(path)
    assert "permissions" in workflow and workflow["permissions"] in ({}, {"contents": "read"})
    assert "concurrency" in workflow
    for job in workflow["jobs"].values():
        granted = {**(workflow["permissions"] or {}), **job.get("permissions", {})}
        assert set(granted.values()) <= {"read", "write"}
        writes = {k for k, v in granted.items() if v == "write"}
        # Only publishing writes (pages), and the new-harvest form pushes a branch and opens a PR.
        # The check comments its Dutch report on the pull request.
        allowed = {"contents", "pull-requests"} if path.name == "nieuwe-oogst.yml" else \
            {"pull-requests"} if path.name == "controle.yml" else \
            {"contents", "pull-requests", "issues", "actions"} if path.name == "verhaal-uit-issue.yml" else \
            {"pages", "id-token"}
        assert writes <= allowed
        assert "timeout-minutes" in job


def test_pull_requests_check_build_test_and_keep_a_preview():
    """The build comes before the long test suite: an editor sees the build's Dutch error first,
    and a missing install step of the site cannot hide behind the test dependencies."""
    workflow = load(WORKFLOWS / "controle.yml")
    assert "pull_request" in workflow["on"]
    runs = [(s.get("run") or "").replace("set -o pipefail", "").strip().split(" 2>&1")[0] for s in steps(workflow)]
    assert runs.index("make check") < runs.index("make site") < runs.index("make voorbeeld-site") \
        < runs.index("make test")
    upload = next(s for s in steps(workflow) if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "voorbeeld-site/"  # the preview that opens from disk


def test_pull_requests_get_a_dutch_report_without_interpolated_input():
    workflow = load(WORKFLOWS / "controle.yml")
    report = next(s for s in steps(workflow) if "pr-verslag" in s.get("run", ""))
    assert "${{" not in report["run"] and report["if"].startswith("always()")
    assert report["continue-on-error"] is True  # forks may not comment; never hides the check
    stop = next(s for s in steps(workflow) if s.get("name", "").startswith("Stoppen"))
    assert "exit 1" in stop["run"]


def test_main_deploys_only_after_every_check():
    workflow = load(WORKFLOWS / "publiceren.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["bouwen"], workflow["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert build["permissions"] == {"contents": "read"}
    runs = [s.get("run") for s in build["steps"]]
    assert runs.index("make check") < runs.index("make site") < runs.index("make test")
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # never deploy a dirty build: the site is built by `make site` (clean, strict) only
    assert "--dirty" not in (WORKFLOWS / "publiceren.yml").read_text(encoding="utf-8")


def test_a_story_from_an_issue_never_puts_the_issue_in_a_command():
    """The issue's text is untrusted: it reaches the converter as a file written from the environment."""
    workflow = load(WORKFLOWS / "verhaal-uit-issue.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["verhaal"]
    assert "nieuw verhaal" in job["if"]
    assert job["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), step
    text = (WORKFLOWS / "verhaal-uit-issue.yml").read_text(encoding="utf-8")
    assert 'printf \'%s\\n\' "$ISSUE_BODY" > "$RUNNER_TEMP/issue.md"' in text
    assert "make -s verhaal-uit-issue ISSUE=" in text and "gh pr create" in text and "Sluit #%s" in text
    assert text.count("gh issue comment") == 2  # the link to the pull request, or the mistakes


@pytest.mark.parametrize("path", [p for p in FILES if p.name not in ("nieuwe-oogst.yml", "verhaal-uit-issue.yml")],
                         ids=lambda p: p.name)
def test_the_builder_is_one_variable(path):
    """Material ends on 5 May 2027: switching to Zensical is one line in each workflow."""
    workflow = load(path)
    job = workflow["jobs"]["controle" if path.name == "controle.yml" else "bouwen"]
    assert job["env"]["BOUWER"] == "mkdocs"
    assert path.read_text(encoding="utf-8").count("BOUWER:") == 1


def test_ci_runs_the_readmes_two_commands_in_order():
    """`.ci/run` builds first, on its clean clone, before anything installed the test dependencies."""
    root = WORKFLOWS.parent.parent
    script = (root / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip().split("||")[0].strip() for line in script.splitlines()
                if line.strip().startswith("make ")]
    assert commands == ["make site", "make test"]
    assert "make test" in (root / "README.md").read_text(encoding="utf-8")
