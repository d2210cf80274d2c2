"""The package as a whole: exceptions, docstrings, stubs that match the module."""
import ast
import inspect
import pathlib

import pytest

import crmcore

STUBS = pathlib.Path(crmcore.__file__).with_name("__init__.pyi")
ERRORS = {
    "NotFoundError": ("not_found", LookupError), "ValidationError": ("invalid_argument", ValueError),
    "AlreadyExistsError": ("already_exists", None), "ConflictError": ("conflict", None),
    "PermissionDeniedError": ("permission_denied", PermissionError), "BusyError": ("busy", None),
    "StorageError": ("io", OSError), "CorruptError": ("corrupt", None), "ParseError": ("parse_error", ValueError),
    "UnsupportedError": ("unsupported", None), "CursorExpiredError": ("cursor_expired", None),
}


def public_names(obj):
    return {name for name in dir(obj) if not name.startswith("_")}


def stub_tree():
    return ast.parse(STUBS.read_text())


def stubbed_module_names():
    names = set()
    for node in stub_tree().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names


def stubbed_members(class_name):
    for node in stub_tree().body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            members = set()
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign):
                    members.add(item.target.id)
            return {m for m in members if not m.startswith("_")}
    raise AssertionError(f"{class_name} has no stub")


def test_every_error_class_is_an_error_with_its_builtin_base():
    for name, (code, builtin) in ERRORS.items():
        cls = getattr(crmcore, name)
        assert issubclass(cls, crmcore.Error)
        assert builtin is None or issubclass(cls, builtin)
    assert not issubclass(crmcore.Error, RuntimeError)


def test_errors_carry_code_and_field():
    with crmcore.open(":memory:") as db:
        with pytest.raises(crmcore.NotFoundError) as raised:
            db.accounts.get(1)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("not_found", 0, 0)


def test_stubs_name_exactly_the_public_module():
    module_names = {n for n in public_names(crmcore) if n not in {"annotations"}} | {"__version__"}
    assert stubbed_module_names() == module_names - {n for n in module_names if inspect.ismodule(getattr(crmcore, n, None))}


@pytest.mark.parametrize("name", sorted(n for n in dir(crmcore) if inspect.isclass(getattr(crmcore, n)) and not n.startswith("_")))
def test_stubs_match_each_class(name):
    cls = getattr(crmcore, name)
    if issubclass(cls, BaseException):
        return
    runtime = public_names(cls)
    if issubclass(cls, tuple):  # NamedTuple: its own fields and methods only
        runtime = set(cls._fields) | {"parse", "of"}
    assert stubbed_members(name) == runtime


def test_every_public_function_class_and_method_has_a_docstring():
    missing = []
    for name in public_names(crmcore):
        obj = getattr(crmcore, name)
        if inspect.ismodule(obj) or not (callable(obj) or inspect.isclass(obj)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and not issubclass(obj, (BaseException, tuple)):
            for member in public_names(obj):
                attribute = getattr(obj, member)
                if not (getattr(attribute, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{member}")
    assert missing == []
