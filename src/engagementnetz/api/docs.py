"""The documentation page's data, read from the OpenAPI document (one source of truth)."""

from dataclasses import dataclass, field

from django.conf import settings


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    type: str
    description: str


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    anchor: str
    needs_token: bool
    parameters: list[Parameter] = field(default_factory=list)
    body: str = ""
    responses: list[tuple[str, str]] = field(default_factory=list)


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(part) for part in schema["anyOf"] if part.get("type") != "null")
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return schema.get("format") or schema.get("type", "")


def _ref_name(content: dict) -> str:
    schema = content.get("application/json", {}).get("schema", {})
    return _type(schema) if schema else ""


def operations(schema: dict) -> list[Operation]:
    result = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            operation = Operation(
                method=method.upper(),
                path=path,
                summary=spec.get("summary", ""),
                anchor=spec.get("operationId", f"{method}-{path}"),
                needs_token=bool(spec.get("security")),
            )
            for parameter in spec.get("parameters", []):
                operation.parameters.append(
                    Parameter(
                        name=parameter["name"],
                        where=parameter["in"],
                        required=parameter.get("required", False),
                        type=_type(parameter.get("schema", {})),
                        description=parameter.get("description")
                        or parameter.get("schema", {}).get("description", ""),
                    )
                )
            if "requestBody" in spec:
                operation.body = _ref_name(spec["requestBody"].get("content", {}))
            for status, response in sorted(
                spec.get("responses", {}).items(), key=lambda i: str(i[0])
            ):
                operation.responses.append((str(status), _ref_name(response.get("content", {}))))
            result.append(operation)
    return result


@dataclass
class SchemaDoc:
    name: str
    description: str
    properties: list[tuple[str, str, str]]


def schemas(schema: dict) -> list[SchemaDoc]:
    result = []
    for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items()):
        properties = [
            (prop, _type(details), details.get("description", ""))
            for prop, details in spec.get("properties", {}).items()
        ]
        result.append(
            SchemaDoc(name=name, description=spec.get("description", ""), properties=properties)
        )
    return result


def context(schema: dict) -> dict:
    return {
        "info": schema["info"],
        "operations": operations(schema),
        "schemas": schemas(schema),
        "licence_name": settings.OPEN_DATA_LICENCE,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
        "exports": [
            (dataset, fmt)
            for dataset in ("organisationen", "termine", "massnahmen")
            for fmt in ("csv", "json")
        ],
    }
