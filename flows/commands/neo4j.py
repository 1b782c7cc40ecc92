"""``apisynth neo4j up|down|status``: a stand-alone Neo4j container for users with Docker
but no compose stack. Talks to the Docker engine through the docker SDK."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import typer

from flows.environment import load_settings
from tasks.settings import Settings

if TYPE_CHECKING:
    import docker
    from docker.models.containers import Container

app = typer.Typer(no_args_is_help=True)

_NS = 1_000_000_000  # docker health-check durations are nanoseconds


class DockerUnavailable(RuntimeError):
    """No Docker engine answers (not installed, not running, or no permission)."""


def docker_client() -> docker.DockerClient:
    import docker
    from docker.errors import DockerException

    try:
        client = docker.from_env()
        client.ping()
    except DockerException as exc:
        raise DockerUnavailable(
            f"no Docker engine is reachable ({exc.__class__.__name__}: {exc}). Start Docker (or set DOCKER_HOST), "
            "or point NEO4J_URI at an existing Neo4j server."
        ) from exc
    return client


def bolt_uri(settings: Settings) -> str:
    return f"bolt://localhost:{settings.orchestration.neo4j_bolt_port}"


def _container(client: docker.DockerClient, settings: Settings) -> Container | None:
    from docker.errors import NotFound

    try:
        return client.containers.get(settings.orchestration.neo4j_container)
    except NotFound:
        return None


def _health(container: Container) -> str:
    container.reload()
    health = container.attrs.get("State", {}).get("Health", {})
    return health.get("Status", container.status)


def start(client: docker.DockerClient, settings: Settings) -> Container:
    """Start (or resume) the Neo4j container and wait until its health check passes."""
    config = settings.orchestration
    if settings.neo4j_password is None:
        raise ValueError("set NEO4J_PASSWORD (8 characters or more): the container's neo4j user gets it")
    password = settings.neo4j_password.get_secret_value()
    if len(password) < 8:
        raise ValueError("NEO4J_PASSWORD must have at least 8 characters (Neo4j 5 refuses shorter ones)")
    container = _container(client, settings)
    if container is None:
        container = client.containers.run(
            config.neo4j_image,
            name=config.neo4j_container,
            detach=True,
            environment={"NEO4J_AUTH": f"{settings.neo4j_user}/{password}"},
            ports={"7687/tcp": ("127.0.0.1", config.neo4j_bolt_port), "7474/tcp": ("127.0.0.1", config.neo4j_http_port)},
            volumes={config.neo4j_volume: {"bind": "/data", "mode": "rw"}},
            healthcheck={
                "test": ["CMD-SHELL", 'cypher-shell -u "${NEO4J_AUTH%%/*}" -p "${NEO4J_AUTH#*/}" "RETURN 1" || exit 1'],
                "interval": 5 * _NS,
                "timeout": 5 * _NS,
                "retries": 30,
                "start_period": 10 * _NS,
            },
        )
    elif container.status != "running":
        container.start()
    deadline = time.monotonic() + config.neo4j_start_timeout_s
    while (status := _health(container)) != "healthy":
        if status in {"unhealthy", "exited", "dead"} or time.monotonic() > deadline:
            raise RuntimeError(
                f"container {config.neo4j_container} is {status} after {config.neo4j_start_timeout_s:.0f} s; "
                f"see `docker logs {config.neo4j_container}`"
            )
        time.sleep(2)
    return container


def _fail(exc: Exception) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(1)


@app.command()
def up() -> None:
    """Start Neo4j 5 in a container (named volume, auth from NEO4J_USER/NEO4J_PASSWORD) and wait until healthy."""
    settings = load_settings()
    try:
        start(docker_client(), settings)
    except (DockerUnavailable, ValueError, RuntimeError) as exc:
        raise _fail(exc) from exc
    typer.echo(f"Neo4j is healthy. Use it with:\n  export NEO4J_URI={bolt_uri(settings)}")


@app.command()
def down(purge: bool = typer.Option(False, help="also delete the data volume")) -> None:
    """Stop and remove the Neo4j container (the data volume stays unless --purge)."""
    settings = load_settings()
    try:
        client = docker_client()
    except DockerUnavailable as exc:
        raise _fail(exc) from exc
    container = _container(client, settings)
    if container is not None:
        container.remove(force=True)
        typer.echo(f"removed container {settings.orchestration.neo4j_container}")
    else:
        typer.echo(f"no container {settings.orchestration.neo4j_container}")
    if purge:
        from docker.errors import NotFound

        try:
            client.volumes.get(settings.orchestration.neo4j_volume).remove()
            typer.echo(f"removed volume {settings.orchestration.neo4j_volume}")
        except NotFound:
            pass


@app.command()
def status() -> None:
    """Show the container's state and health, and the NEO4J_URI to use."""
    settings = load_settings()
    try:
        client = docker_client()
    except DockerUnavailable as exc:
        raise _fail(exc) from exc
    container = _container(client, settings)
    if container is None:
        typer.echo(f"{settings.orchestration.neo4j_container}: not created (run `apisynth neo4j up`)")
        raise typer.Exit(3)
    health = _health(container)
    typer.echo(f"{settings.orchestration.neo4j_container}: {container.status}, {health}")
    if health == "healthy":
        typer.echo(f"NEO4J_URI={bolt_uri(settings)}")
