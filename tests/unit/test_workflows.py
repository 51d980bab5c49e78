"""The repository's automation: GitHub Actions workflows, pre-commit hooks, issue forms and the
pull request template.

Contributions arrive from forks, so the checks below guard the properties that keep them
harmless: no ``pull_request_target``, a read-only token and no secret where contributed code
runs, actions pinned to a commit, and write access to Pages only in the deploy job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
PR_WORKFLOW = WORKFLOWS / "verification.yml"
PUBLISH_WORKFLOW = WORKFLOWS / "publication.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
ISSUE_TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
PR_TEMPLATE = GITHUB / "pull_request_template.md"

PREVIEW_ARTIFACT = "site-apercu"
SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
# `uses: owner/repo@<40 hex> # v1.2.3`, as written in the file (comments are not in the YAML)
PINNED_LINE = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d")
ISSUE_FORMS = {
    "retour-experience.yml": "Proposer un retour d'expérience",
    "erreur.yml": "Signaler une erreur",
}


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def all_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def triggers(workflow: dict) -> dict:
    """The `on:` block as a dict. PyYAML (YAML 1.1) reads the bare key `on` as True."""
    on = workflow["on"] if "on" in workflow else workflow.get(True)
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on}
    assert isinstance(on, dict), f"no `on:` triggers in {workflow.get('name')!r}"
    return on


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = workflow["jobs"]
    selected = [jobs[job]] if job else list(jobs.values())
    return [step for j in selected for step in j.get("steps", [])]


def uses_of(workflow: dict) -> list[str]:
    """Every action or reusable workflow referenced (steps and job-level `uses:`)."""
    found = [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    found += [step["uses"] for step in steps(workflow) if "uses" in step]
    return found


def strings_and_keys(node: Any) -> Iterator[str]:
    """Every key and every scalar string of a parsed YAML document (comments excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from strings_and_keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_and_keys(item)
    elif isinstance(node, str):
        yield node


def step_index(workflow_steps: list[dict], pattern: str) -> int:
    """The index of the one step whose `run:` matches pattern (a regex)."""
    matching = [
        i for i, step in enumerate(workflow_steps) if re.search(pattern, step.get("run", ""))
    ]
    assert len(matching) == 1, f"expected one step running /{pattern}/, found {len(matching)}"
    return matching[0]


def jobs_using(workflow: dict, action: str) -> list[str]:
    return [
        name
        for name, job in workflow["jobs"].items()
        if any(s.get("uses", "").startswith(action + "@") for s in job.get("steps", []))
    ]


@pytest.fixture(scope="module")
def pr_workflow() -> dict:
    return load(PR_WORKFLOW)


@pytest.fixture(scope="module")
def publish_workflow() -> dict:
    return load(PUBLISH_WORKFLOW)


# --- every workflow -----------------------------------------------------------------------


def test_expected_workflows_exist() -> None:
    assert PR_WORKFLOW in all_workflows()
    assert PUBLISH_WORKFLOW in all_workflows()


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_no_workflow_uses_pull_request_target(path: Path) -> None:
    # pull_request_target runs with the base repository's secrets and a write token: with
    # a checkout of the fork's code, any contributor could run code with them
    assert "pull_request_target" not in triggers(load(path))


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    workflow = load(path)
    references = uses_of(workflow)
    assert references, f"{path.name} uses no action"
    unpinned = [ref for ref in references if not ref.startswith("./") and not SHA_PIN.match(ref)]
    assert unpinned == [], f"not pinned to a 40-hex commit: {unpinned}"
    # and each pin says which release it is, for the people who update it
    lines = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(-\s*)?uses:", line) and "./" not in line
    ]
    assert len(lines) == len(references)
    assert [line for line in lines if not PINNED_LINE.search(line)] == []


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_step_has_a_name(path: Path) -> None:
    assert [s for s in steps(load(path)) if not s.get("name")] == []


# --- pull request verification ------------------------------------------------------------


def test_pr_workflow_triggers_on_pull_request(pr_workflow: dict) -> None:
    assert "pull_request" in triggers(pr_workflow)


def test_pr_workflow_token_is_read_only(pr_workflow: dict) -> None:
    assert pr_workflow["permissions"] == {"contents": "read"}
    # a job-level `permissions:` would replace the top-level one for that job
    assert [name for name, job in pr_workflow["jobs"].items() if "permissions" in job] == []


def test_pr_workflow_uses_no_secret(pr_workflow: dict) -> None:
    offending = [
        s
        for s in strings_and_keys(pr_workflow)
        if s == "secrets" or re.search(r"\bsecrets\s*[.\[]", s)
    ]
    assert offending == []


def test_pr_workflow_checks_then_builds(pr_workflow: dict) -> None:
    workflow_steps = steps(pr_workflow)
    setup = step_index(workflow_steps, r"^make setup\b")
    check = step_index(workflow_steps, r"\bcapi check --format github\b")
    build = step_index(workflow_steps, r"\bcapi build\b")
    assert setup < check < build
    for index in (check, build):
        assert not workflow_steps[index].get("continue-on-error"), "a failure must fail the run"


def test_pr_workflow_uploads_the_preview(pr_workflow: dict) -> None:
    workflow_steps = steps(pr_workflow)
    uploads = [
        s
        for s in workflow_steps
        if s.get("uses", "").startswith("actions/upload-artifact@")
        and s["with"]["name"] == PREVIEW_ARTIFACT
    ]
    assert len(uploads) == 1
    assert uploads[0]["with"]["path"].rstrip("/") == "site"
    assert workflow_steps.index(uploads[0]) > step_index(workflow_steps, r"\bcapi build\b")


def test_pr_workflow_runs_the_tests_and_keeps_the_accessibility_report(pr_workflow: dict) -> None:
    job = pr_workflow["jobs"]["tests"]
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "bash .ci/run" in runs
    reports = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert reports and reports[0]["with"]["path"] == "tests/browser/reports/axe.json"
    assert reports[0].get("if") == "always()"


def test_pr_workflow_cancels_older_runs_of_the_same_pr(pr_workflow: dict) -> None:
    concurrency = pr_workflow["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in concurrency["group"]


# --- publication --------------------------------------------------------------------------


def test_publication_triggers_on_push_to_main_only(publish_workflow: dict) -> None:
    on = triggers(publish_workflow)
    assert "main" in on["push"]["branches"]
    assert not {"pull_request", "pull_request_target"} & set(on)


def test_publication_builds_with_a_read_only_token(publish_workflow: dict) -> None:
    assert publish_workflow["permissions"] == {"contents": "read"}
    builders = jobs_using(publish_workflow, "actions/upload-pages-artifact")
    assert builders == ["build"]
    build_job = publish_workflow["jobs"]["build"]
    assert "permissions" not in build_job
    step_index(steps(publish_workflow, "build"), r"\bcapi build\b")


def test_publication_deploy_job_alone_writes_to_pages(publish_workflow: dict) -> None:
    deployers = jobs_using(publish_workflow, "actions/deploy-pages")
    assert deployers == ["deploy"]
    deploy = publish_workflow["jobs"]["deploy"]
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert "build" in ([deploy["needs"]] if isinstance(deploy["needs"], str) else deploy["needs"])
    assert deploy["environment"]["name"] == "github-pages"
    concurrency = publish_workflow["concurrency"]
    assert concurrency["cancel-in-progress"] is False


# --- pre-commit ---------------------------------------------------------------------------


def pre_commit_hook(hook_id: str) -> dict:
    config = load(PRE_COMMIT)
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == hook_id]
    assert len(hooks) == 1, f"no single hook {hook_id!r} in .pre-commit-config.yaml"
    return hooks[0]


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("sessions/01-x/y.md", True),
        ("sessions/02-developpement-economique/fablab.md", True),
        ("territories/a/plan-action.md", True),
        ("docs/pratiques/fablab.md", True),
        ("vocabulaires.yml", False),  # checked by capi-check-vocabulaires, on every fiche
        ("macros/commands/cli.py", False),
        ("docs/guides/contribuer.md", False),
        ("sessions/01-x/photo.png", False),
        ("mkdocs.yml", False),
    ],
)
def test_pre_commit_checks_content_files(path: str, checked: bool) -> None:
    hook = pre_commit_hook("capi-check")
    assert re.search(r"\bcapi check$", hook["entry"])
    assert hook["language"] == "system"
    assert hook.get("pass_filenames", True) is True
    # pre-commit matches `files` with re.search on the path relative to the repository
    assert bool(re.search(hook["files"], path)) is checked


def test_pre_commit_checks_every_fiche_when_vocabularies_change() -> None:
    hook = pre_commit_hook("capi-check-vocabulaires")
    assert re.search(r"\bcapi check$", hook["entry"])
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "vocabulaires.yml")
    assert not re.search(hook["files"], "sessions/01-x/y.md")


@pytest.mark.parametrize(
    ("path", "regenerates"),
    [
        ("vocabulaires.yml", True),
        ("macros/content/model.py", True),
        ("macros/commands/cli.py", False),
        ("sessions/01-x/y.md", False),
    ],
)
def test_pre_commit_regenerates_schemas(path: str, regenerates: bool) -> None:
    hook = pre_commit_hook("capi-schemas")
    assert re.search(r"\bcapi schemas$", hook["entry"])
    assert hook["pass_filenames"] is False
    assert bool(re.search(hook["files"], path)) is regenerates


# --- issue forms and pull request template ------------------------------------------------


def test_blank_issues_are_disabled() -> None:
    assert load(ISSUE_TEMPLATES / "config.yml")["blank_issues_enabled"] is False


@pytest.mark.parametrize(("filename", "name"), sorted(ISSUE_FORMS.items()))
def test_issue_form_parses_with_a_french_name(filename: str, name: str) -> None:
    form = load(ISSUE_TEMPLATES / filename)
    assert form["name"] == name
    assert form["description"]
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    assert fields, "an issue form needs at least one field"
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    assert all(item["attributes"]["label"] for item in fields)


def test_experience_report_form_asks_what_a_report_needs() -> None:
    form = load(ISSUE_TEMPLATES / "retour-experience.yml")
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert set(fields) >= {
        "titre",
        "seance",
        "structure",
        "territoire",
        "pratiques",
        "resume",
        "enseignements",
        "consentement",
    }
    options = fields["seance"]["attributes"]["options"]
    # one option per séance of the content, in order, each starting with its number
    seances = [
        path.parent.name[:2] for path in sorted((ROOT / "sessions").glob("[0-9][0-9]-*/index.md"))
    ]
    assert seances, "no séance in sessions/"
    assert [option.split(" — ")[0] for option in options] == seances
    consent = fields["consentement"]
    assert consent["type"] == "checkboxes"
    assert all(option["required"] is True for option in consent["attributes"]["options"])


def test_error_form_asks_for_the_page_and_the_problem() -> None:
    form = load(ISSUE_TEMPLATES / "erreur.yml")
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert set(fields) >= {"page", "probleme", "correction"}
    assert fields["page"]["validations"]["required"] is True
    assert fields["probleme"]["validations"]["required"] is True


def test_pr_template_has_both_checklists() -> None:
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 8
    for needed in (
        "capi check",
        "consentement",
        "sessions/",
        "territories/",
        "docs/pratiques/",
        PREVIEW_ARTIFACT,
    ):
        assert needed in text, needed


# --- history -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_checkout_fetches_the_whole_history(path: Path) -> None:
    # entry pages, feeds and the news page date entries from git (macros/content/history.py);
    # actions/checkout fetches one commit by default, which dates every entry from it
    checkouts = [
        step for step in steps(load(path)) if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts, f"{path.name} checks nothing out"
    assert [step["name"] for step in checkouts if step["with"].get("fetch-depth") != 0] == []
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)
