"""The documented publishing path: ``datasette inspect`` then serve with the inspect file.

    datasette inspect newsvisits.db --inspect-file counts.json
    datasette serve -i newsvisits.db --inspect-file counts.json -m metadata.json \\
        --setting suggest_facets off
"""

import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from datasette.app import Datasette
from plugin_sample import build_sample_db, register_plugin

register_plugin()
METADATA = json.loads((Path(__file__).parent.parent / "metadata.json").read_text())


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample database and the inspect file the datasette CLI wrote for it."""
    folder = tmp_path_factory.mktemp("publish")
    path = build_sample_db(folder / "newsvisits.db")
    counts = folder / "counts.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            "inspect",
            str(path),
            "--inspect-file",
            str(counts),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return path, json.loads(counts.read_text())


def test_inspect_file_counts_every_table(published):
    path, inspected = published
    conn = sqlite3.connect(path)
    tables = inspected["newsvisits"]["tables"]
    for table in ("articles", "quotes", "label_outlet", "quote_groups"):
        expected = conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        assert tables[table]["count"] == expected


@pytest.mark.asyncio
async def test_served_with_the_inspect_file(published):
    path, inspected = published
    ds = Datasette(
        immutables=[str(path)],
        inspect_data=inspected,
        metadata=METADATA,
        settings={"suggest_facets": False},
    )
    database = (await ds.client.get("/newsvisits.json")).json()
    articles = next(t for t in database["tables"] if t["name"] == "articles")
    assert articles["count"] == inspected["newsvisits"]["tables"]["articles"]["count"]
    page = (await ds.client.get("/newsvisits/articles")).text
    assert (
        METADATA["databases"]["newsvisits"]["tables"]["articles"]["description"] in page
    )
    for route in (
        "/-/newsvisits",
        "/-/newsvisits/visit/2023-03-state-visit",
        "/newsvisits/articles",
        "/newsvisits/shared_quotes",
    ):
        response = await ds.client.get(route)
        assert response.status_code == 200, route


README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
REPO = Path(__file__).parent.parent
PLACEHOLDER = "git+https://github.com/YOU/datasette-newsvisits"
STAND_INS = {
    # gcloud: a project name; at "builds submit" keep the Dockerfile it would build.
    "gcloud": """#!/bin/sh
case "$*" in
  "config get-value project") echo test-project ;;
  *"builds submit"*) cp Dockerfile "$NV_DOCKERFILE" ;;
  *"services list"*) echo "[]" ;;
esac
exit 0
""",
    # docker: at "build" keep the Dockerfile.
    "docker": """#!/bin/sh
case "$1" in build) cp Dockerfile "$NV_DOCKERFILE" ;; esac
exit 0
""",
}


def readme_commands(prefix: str) -> list[list[str]]:
    """The README's publishing commands starting with ``prefix``, as argument lists."""
    section = README.split("### Publishing a read-only instance", 1)[1]
    section = section.split("\n## ", 1)[0]
    text = "\n".join(re.findall(r"```bash\n(.*?)```", section, flags=re.DOTALL))
    text = text.replace("\\\n", " ")
    return [shlex.split(line) for line in text.splitlines() if line.startswith(prefix)]


def test_the_readme_shows_publish_and_package_commands():
    commands = readme_commands("datasette p")
    assert {c[1] for c in commands} == {"publish", "package"}
    for command in commands:
        assert PLACEHOLDER in command


@pytest.mark.parametrize(
    "command", readme_commands("datasette p"), ids=lambda c: c[1] + "-" + c[2]
)
def test_readme_publish_command_makes_a_dockerfile_that_builds(tmp_path, command):
    folder = tmp_path / "site"
    folder.mkdir()
    build_sample_db(folder / "newsvisits.db")
    (folder / "metadata.json").write_text((REPO / "metadata.json").read_text())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in STAND_INS.items():
        (bin_dir / name).write_text(script)
        (bin_dir / name).chmod(0o755)
    dockerfile = tmp_path / "Dockerfile"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "NV_DOCKERFILE": str(dockerfile),
    }
    run = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [sys.executable, "-m", "datasette", *command[1:]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    text = dockerfile.read_text()
    [cmd] = [line for line in text.splitlines() if line.startswith("CMD ")]
    assert cmd.count("newsvisits.db") == 1, cmd  # served once, not twice
    assert "suggest_facets off" in cmd
    [install] = [
        line for line in text.splitlines() if line.startswith("RUN pip install")
    ]
    arguments = shlex.split(install.removeprefix("RUN "))[2:]  # as the shell splits
    assert PLACEHOLDER in arguments
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the install line needs one to stand in")
    local = [f"git+file://{REPO}" if a == PLACEHOLDER else a for a in arguments]
    check = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", *local],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0, check.stderr[-3000:]


def test_a_wheel_built_with_build_installs_with_datasette_install(tmp_path):
    """``python -m build --wheel``, then ``datasette install`` of the wheel into a fresh
    virtual environment that sees this one's packages except the plugin itself."""
    dist = tmp_path / "dist"
    built = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = dist.glob("datasette_newsvisits-*.whl")
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # This environment's packages, the plugin left out, stand in for PyPI's.
    shared = tmp_path / "shared"
    shared.mkdir()
    ours = Path(sysconfig.get_path("purelib"))
    for entry in ours.iterdir():
        name = entry.name.lower()
        if (
            "newsvisits" in name
            or name.startswith("__editable__")
            or name.endswith(".pth")
        ):
            continue
        (shared / entry.name).symlink_to(entry)
    (Path(site) / "shared.pth").write_text(str(shared) + "\n")
    installed = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [python, "-m", "datasette", "install", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    probe = subprocess.run(
        [
            python,
            "-c",
            (
                "import datasette_newsvisits.plugin.render as r; "
                "print(r.__file__); "
                "print(all((r.STATIC / 'vendor' / n).exists() for n in r.VENDORED)); "
                "print(len(list((r.STATIC.parent / 'templates').glob('*.html'))))"
            ),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.split()
    assert probe[0].startswith(site), probe
    assert probe[1] == "True" and int(probe[2]) >= 10
    plugins = subprocess.run(
        [python, "-m", "datasette", "plugins"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert "datasette-newsvisits" in plugins or "datasette_newsvisits" in plugins
