"""docker-compose.yml and the Dockerfile, checked structurally (no Docker engine here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tasks.settings import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "docker-compose.yml"


@pytest.fixture(scope="module")
def services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def _gpu_reserved(service: dict) -> bool:
    devices = service.get("deploy", {}).get("resources", {}).get("reservations", {}).get("devices", [])
    return any(d.get("driver") == "nvidia" and "gpu" in d.get("capabilities", []) for d in devices)


def test_every_service_has_an_image_or_build_and_the_expected_set_exists(services):
    assert {"neo4j", "postgres", "prefect-server", "cpu-worker", "gpu-worker", "vllm"} <= set(services)
    for name, service in services.items():
        assert "image" in service or "build" in service, name


def test_stateful_services_have_healthchecks_and_volumes(services):
    declared = set(yaml.safe_load(COMPOSE.read_text())["volumes"])
    for name in ("neo4j", "postgres", "prefect-server", "vllm"):
        check = services[name]["healthcheck"]
        assert check["test"][0] in {"CMD", "CMD-SHELL"} and check["retries"] >= 3, name
    for name, mount in (("neo4j", "/data"), ("postgres", "/var/lib/postgresql/data")):
        volume, target = services[name]["volumes"][0].split(":")
        assert target == mount and volume in declared


def test_neo4j_auth_comes_from_the_environment(services):
    auth = services["neo4j"]["environment"]["NEO4J_AUTH"]
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]*\}", auth)
    assert services["neo4j"]["image"].startswith("neo4j:5")


def test_prefect_server_uses_postgres_and_analytics_are_off(services):
    server = services["prefect-server"]
    assert server["environment"]["PREFECT_API_DATABASE_CONNECTION_URL"].startswith("postgresql+asyncpg://")
    assert server["environment"]["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert server["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_workers_are_built_from_the_dockerfile_poll_their_pools_and_reach_neo4j(services):
    for name, pool in (("cpu-worker", "cpu"), ("gpu-worker", "gpu")):
        worker = services[name]
        assert worker["build"]["dockerfile"] == "Dockerfile"
        assert f"--pool {pool}" in worker["command"]
        env = worker["environment"]
        assert env["NEO4J_URI"] == "bolt://neo4j:7687"
        assert env["PREFECT_API_URL"] == "http://prefect-server:4200/api"
        assert worker["depends_on"]["neo4j"]["condition"] == "service_healthy"
        assert "apisynth-data:/data" in worker["volumes"]
    assert _gpu_reserved(services["gpu-worker"]) and not _gpu_reserved(services["cpu-worker"])


def test_vllm_is_optional_and_serves_an_openai_compatible_endpoint(services):
    vllm = services["vllm"]
    assert vllm["profiles"] == ["vllm"]
    assert vllm["image"].startswith("vllm/vllm-openai")
    assert _gpu_reserved(vllm)


def test_dockerfile_has_python_311_node_20_and_runs_setup():
    text = (PROJECT_ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11", text, re.M)
    assert re.search(r"^FROM node:20", text, re.M)
    assert "bash scripts/setup.sh" in text


def test_prefect_yaml_deploys_synth_full_nightly_and_each_stage_flow():
    config = yaml.safe_load((PROJECT_ROOT / "prefect.yaml").read_text())
    by_name = {(d["entrypoint"].split(":")[1], d["name"]): d for d in config["deployments"]}
    full = by_name[("synth", "full")]
    assert full["work_pool"]["name"] == "cpu"
    assert full["schedules"][0]["cron"] == "0 2 * * *"
    from flows.synth import STAGE_FLOWS

    assert {flow.name for flow in STAGE_FLOWS} <= {flow_name for flow_name, _ in by_name}
    from flows.synth import EVALUATE_ON_GPU, SEEDS_ON_GPU

    for deployment in (SEEDS_ON_GPU, EVALUATE_ON_GPU):
        assert by_name[tuple(deployment.split("/"))]["work_pool"]["name"] == "gpu"
    for deployment in config["deployments"]:
        module, function = deployment["entrypoint"].split(":")
        assert (PROJECT_ROOT / module).is_file() and f"def {function}(" in Path(PROJECT_ROOT / module).read_text()
