"""The type stubs (crmcore/__init__.pyi) against the module, signature by signature.

test_package.py checks that the stubs name exactly what the module has; this file checks that
every function and method the stubs declare takes the same parameters as the real one: the
same names, in the same order, of the same kind (positional, keyword-only, *args, **kwargs)
and with the same defaults. Functions written in C++ carry their signature in the first line
of their pybind11 docstring (one line per overload, numbered, for overloaded functions);
functions written in Python are read with inspect.signature().

A stub default written as ``...`` stands for a default the stub does not spell out (a dict
built at call time); the real parameter must still have a default. The names of ``*args`` and
``**kwargs`` are not compared (no caller writes them; the stubs name them for what they hold),
their kind and place are; nor are the names of parameters pybind11 binds without a name
(``arg0``: positional-only, which the stubs mark with ``/``). ``**options: Unpack[T]`` stands for
the keyword-only parameters of the TypedDict T, in its order, each with a default. Several
``@overload`` stubs of a function the module defines once must each match its one signature. A
stub may leave out a ``**kwargs`` the real method ends with only when the method refuses every
extra keyword (TypeError), as the stores of kinds without filters of their own do.
"""
import ast
import inspect
import pathlib
import re

import pytest

import crmcore

STUBS = pathlib.Path(crmcore.__file__).with_name("__init__.pyi")
NO_DEFAULT = "<required>"
ANY_DEFAULT = "<any default>"


# ---- the stubs ---------------------------------------------------------------


def default_text(node):
    """A default written in the stubs as comparable text."""
    if isinstance(node, ast.Constant) and node.value is Ellipsis:
        return ANY_DEFAULT
    try:
        return repr(ast.literal_eval(node))
    except ValueError:
        return ast.unparse(node)


def typed_dicts(tree):
    """{name: [field names]} of the TypedDicts the stubs declare as T = TypedDict("T", {...}, total=False)."""
    found = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "TypedDict"):
            fields = node.value.args[1]
            found[node.targets[0].id] = [ast.literal_eval(key) for key in fields.keys]
    return found


def unpacked_typed_dict(annotation):
    """T for an annotation Unpack[T], else None."""
    if (isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name)
            and annotation.value.id == "Unpack" and isinstance(annotation.slice, ast.Name)):
        return annotation.slice.id
    return None


def stub_parameters(function, dicts=None):
    """[(kind, name, default)] of a stubbed function, in order."""
    a = function.args
    positional = a.posonlyargs + a.args
    defaults = [NO_DEFAULT] * (len(positional) - len(a.defaults)) + [default_text(d) for d in a.defaults]
    parameters = []
    for index, arg in enumerate(positional):
        kind = "positional_only" if index < len(a.posonlyargs) else "positional"
        parameters.append((kind, arg.arg, defaults[index]))
    if a.vararg:
        parameters.append(("var_positional", a.vararg.arg, NO_DEFAULT))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        parameters.append(("keyword_only", arg.arg, NO_DEFAULT if default is None else default_text(default)))
    if a.kwarg:
        unpacked = unpacked_typed_dict(a.kwarg.annotation)
        if unpacked is None:
            parameters.append(("var_keyword", a.kwarg.arg, NO_DEFAULT))
        else:
            parameters += [("keyword_only", key, ANY_DEFAULT) for key in dicts[unpacked]]
    return parameters


def decorator_names(function):
    return {d.id for d in function.decorator_list if isinstance(d, ast.Name)}


def stubbed_callables():
    """{qualified name: [parameter lists, one per overload]} for every stubbed function and method."""
    found = {}
    tree = ast.parse(STUBS.read_text())
    dicts = typed_dicts(tree)

    def add(name, function):
        if "property" in decorator_names(function):
            return
        found.setdefault(name, []).append(stub_parameters(function, dicts))

    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            add(node.name, node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    add(f"{node.name}.{item.name}", item)
    return found


# ---- the module ----------------------------------------------------------------


def split_top_level(text, separator=","):
    """Splits text at separators outside brackets and quotes."""
    parts, depth, quote, start = [], 0, None, 0
    for index, char in enumerate(text):
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = None
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def closing_parenthesis(text, opening):
    depth, quote = 0, None
    for index in range(opening, len(text)):
        char = text[index]
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = None
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return index
    raise AssertionError(f"unbalanced signature: {text!r}")


def runtime_default_text(text):
    try:
        return repr(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return text


UNNAMED = re.compile(r"^arg\d+$")


def parse_pybind_signature(text):
    """[(kind, name, default)] of one pybind11 signature "name(a: int, *, b: str = 'x') -> T"."""
    opening = text.index("(")
    inside = text[opening + 1:closing_parenthesis(text, opening)]
    parameters, kind = [], "positional"
    pieces = split_top_level(inside)
    if "/" in pieces:
        kind = "positional_only"
    for piece in pieces:
        if piece == "/":
            kind = "positional"
            continue
        if piece == "*":
            kind = "keyword_only"
            continue
        name_and_type, _, default = piece.partition(" = ") if " = " in piece else (piece, "", "")
        name = split_top_level(name_and_type, ":")[0].strip()
        if name.startswith("**"):
            parameters.append(("var_keyword", name[2:], NO_DEFAULT))
        elif name.startswith("*"):
            parameters.append(("var_positional", name[1:], NO_DEFAULT))
            kind = "keyword_only"
        else:
            parameters.append((kind, name, runtime_default_text(default) if default else NO_DEFAULT))
    # pybind11 names a parameter bound without py::arg "arg0", "arg1", ...: no keyword reaches it,
    # so it and every parameter before it are positional-only.
    unnamed = [i for i, (kind, name, _) in enumerate(parameters) if UNNAMED.match(name) and kind == "positional"]
    if unnamed:
        for index in range(unnamed[-1] + 1):
            if parameters[index][0] == "positional":
                parameters[index] = ("positional_only", *parameters[index][1:])
    return parameters


def pybind_signatures(name, function):
    """One parameter list per overload, from the function's pybind11 docstring."""
    doc = function.__doc__ or ""
    lines = doc.splitlines()
    assert lines and lines[0].startswith(f"{name}("), f"{name}: no pybind11 signature in its docstring: {doc[:80]!r}"
    if len(lines) > 1 and lines[1].strip() == "Overloaded function.":
        overloads = [re.sub(r"^\d+\. ", "", line) for line in lines if re.match(rf"^\d+\. {re.escape(name)}\(", line)]
        assert overloads, f"{name}: an overloaded function without numbered signatures"
        return [parse_pybind_signature(line) for line in overloads]
    return [parse_pybind_signature(lines[0])]


PYTHON_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


def python_signature(function):
    parameters = []
    for p in inspect.signature(function).parameters.values():
        default = NO_DEFAULT if p.default is inspect.Parameter.empty else repr(p.default)
        parameters.append((PYTHON_KINDS[p.kind], p.name, default))
    return [parameters]


def runtime_signatures(qualified_name):
    """One parameter list per overload of the module's function or method of that name."""
    owner, _, member = qualified_name.rpartition(".")
    if owner:
        cls = getattr(crmcore, owner)
        attribute = inspect.getattr_static(cls, member)
    else:
        attribute = getattr(crmcore, member)
    if isinstance(attribute, (staticmethod, classmethod)):
        attribute = attribute.__func__
    if inspect.isfunction(attribute):  # written in Python: unbound, so self / cls is listed as in the stubs
        return python_signature(attribute)
    return pybind_signatures(member, attribute if not owner else getattr(cls, member))


def same(stub, runtime):
    """Whether a stubbed parameter list matches a real one."""
    if len(stub) != len(runtime):
        return False
    for (stub_kind, stub_name, stub_default), (kind, name, default) in zip(stub, runtime):
        if stub_kind != kind:
            return False
        # A caller never writes the name of *args, **kwargs or an unnamed positional-only
        # parameter: the stubs may name them for what they hold.
        unnamed = kind in ("var_positional", "var_keyword") or (kind == "positional_only" and UNNAMED.match(name))
        if stub_name != name and not unnamed:
            return False
        if stub_default == ANY_DEFAULT:
            if default == NO_DEFAULT:
                return False
        elif stub_default != default:
            return False
    return True


def refuses_extra_keywords(qualified_name):
    """Whether the real method, called on the object a Database hands out, refuses an unknown keyword."""
    owner, _, member = qualified_name.rpartition(".")
    with crmcore.open(":memory:") as db:
        for attribute in dir(db):
            if attribute.startswith("_"):
                continue
            instance = getattr(db, attribute)
            if type(instance).__name__ == owner:
                try:
                    getattr(instance, member)(keyword_the_stubs_leave_out=1)
                except TypeError as error:
                    return "unexpected keyword argument 'keyword_the_stubs_leave_out'" in str(error)
                return False
    return False


STUBBED = stubbed_callables()


def test_the_stubs_declare_functions_to_check():
    assert len(STUBBED) > 200
    assert "Contacts.list" in STUBBED and "open" in STUBBED


@pytest.mark.parametrize("name", sorted(STUBBED))
def test_stub_signature_matches_the_module(name):
    stubs = STUBBED[name]
    runtime = runtime_signatures(name)
    if len(runtime) == 1:  # typing overloads of one function: each must be its signature
        runtime = runtime * len(stubs)
    assert len(stubs) == len(runtime), f"{name}: {len(stubs)} stubbed overloads, {len(runtime)} real ones"
    for number, (stub, real) in enumerate(zip(stubs, runtime), start=1):
        if (real and real[-1][0] == "var_keyword" and not any(kind == "var_keyword" for kind, _, _ in stub)
                and same(stub, real[:-1])):
            assert refuses_extra_keywords(name), f"{name}: the stub leaves out **kwargs the module accepts"
            continue
        assert same(stub, real), f"{name} (overload {number}):\n stub:   {stub}\n module: {real}"


def test_a_renamed_parameter_or_changed_default_is_caught():
    real = runtime_signatures("Contacts.list")[0]
    renamed = [(kind, "size" if name == "page_size" else name, default) for kind, name, default in real]
    changed = [(kind, name, "7" if name == "page_size" else default) for kind, name, default in real]
    reordered = [real[0], real[2], real[1], *real[3:]]
    assert same(real, real)
    assert not same(renamed, real) and not same(changed, real) and not same(reordered, real)


def test_unnamed_pybind_parameters_are_positional_only():
    assert parse_pybind_signature("__eq__(self: crmcore.Term, arg0: object) -> object") == [
        ("positional_only", "self", NO_DEFAULT), ("positional_only", "arg0", NO_DEFAULT)]
    stub = stub_parameters(ast.parse("def __eq__(self, value: object, /) -> bool: ...").body[0])
    assert same(stub, parse_pybind_signature("__eq__(self: crmcore.Term, arg0: object) -> object"))
    assert not same(stub_parameters(ast.parse("def __eq__(self, value: object) -> bool: ...").body[0]),
                    parse_pybind_signature("__eq__(self: crmcore.Term, arg0: object) -> object"))


def test_unpacked_typed_dicts_are_keyword_only_parameters():
    tree = ast.parse('_O = TypedDict("_O", {"start": int, "owner": str}, total=False)\n'
                     "def run(self, name: str, **options: Unpack[_O]) -> None: ...")
    stub = stub_parameters(tree.body[1], typed_dicts(tree))
    assert same(stub, parse_pybind_signature("run(self: X, name: str, *, start: int = None, owner: str = '') -> X"))
    assert not same(stub, parse_pybind_signature("run(self: X, name: str, *, owner: str = '', start: int = 1) -> X"))
    assert not same(stub, parse_pybind_signature("run(self: X, name: str, *, start: int, owner: str = '') -> X"))


def test_pybind_signatures_are_read_with_kinds_and_defaults():
    parsed = parse_pybind_signature(
        "f(self: crmcore.X, a: dict[str, int], /, b: Optional[int] = None, *args, c: str = 'x, y', **kwargs) -> None")
    assert parsed == [("positional_only", "self", NO_DEFAULT), ("positional_only", "a", NO_DEFAULT),
                      ("positional", "b", "None"), ("var_positional", "args", NO_DEFAULT),
                      ("keyword_only", "c", "'x, y'"), ("var_keyword", "kwargs", NO_DEFAULT)]
