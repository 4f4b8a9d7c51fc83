"""``neurolab graph`` (JSON, SVG, PNG without a window) and ``neurolab analyze --csv/--markdown``."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import keras
import pytest
from PIL import Image

from neurolab.cli import main
from neurolab.core.inspection.analysis import analyze_model
from neurolab.core.inspection.table_export import COLUMNS, analysis_rows
from tests.helpers import nested_trunk_model


@pytest.fixture(scope="module")
def nested_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "nested.keras"
    nested_trunk_model().save(path)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_graph_json_has_nodes_edges_and_the_layout_time(capsys, nested_file):
    code, out, err = run(capsys, "graph", nested_file, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    names = [n["name"] for n in data["nodes"]]
    assert names[:3] == ["image", "scale", "trunk/trunk_in"] and "trunk" not in names
    assert all({"name", "type", "x", "y"} <= set(n) for n in data["nodes"])
    assert ["scale", "trunk/trunk_in"] in data["edges"] and ["trunk/t_add", "pool"] in data["edges"]
    y = {n["name"]: n["y"] for n in data["nodes"]}
    assert all(y[b] > y[a] for a, b in data["edges"])
    assert 0 <= data["layout_s"] < 5


def test_graph_collapses_a_nested_model_and_writes_svg(capsys, nested_file, tmp_path):
    out_file = tmp_path / "g.svg"
    code, out, err = run(capsys, "graph", nested_file, "--collapse", "trunk", "-o", str(out_file), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [n["name"] for n in data["nodes"]] == ["image", "scale", "trunk", "pool", "classes"]
    assert data["nodes"][2]["collapsed"] and data["output"] == str(out_file)
    root = ET.parse(out_file).getroot()
    named = [g.get("data-name") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-name")]
    assert named == [n["name"] for n in data["nodes"]]


def test_graph_png_is_drawn_without_a_window(capsys, nested_file, tmp_path):
    out_file = tmp_path / "g.png"
    code, out, err = run(capsys, "graph", nested_file, "-o", str(out_file))
    assert code == 0, err
    assert f"graph written to {out_file}" in out
    code, json_out, _ = run(capsys, "graph", nested_file, "-o", str(tmp_path / "again.png"), "--json")
    data = json.loads(json_out)
    with Image.open(out_file) as image:
        assert image.format == "PNG"
        # the scene: the layout plus a 20-pixel margin on every side
        assert image.size == (round(data["width"] + 40), round(data["height"] + 40))


def test_graph_bad_output_and_bad_collapse_are_one_sentence(capsys, nested_file, tmp_path):
    code, out, err = run(capsys, "graph", nested_file, "-o", str(tmp_path / "g.pdf"))
    assert code == 2 and err.count("\n") == 1 and ".svg or .png" in err
    code, out, err = run(capsys, "graph", nested_file, "--collapse", "scale")
    assert code == 2 and err.count("\n") == 1 and "not a nested model" in err


def test_analyze_writes_csv_and_markdown(capsys, nested_file, tmp_path):
    table, markdown = tmp_path / "t.csv", tmp_path / "t.md"
    code, out, err = run(capsys, "analyze", nested_file, "--csv", str(table), "--markdown", str(markdown))
    assert code == 0, err
    assert f"table written to {table}" in out
    expected = analysis_rows(analyze_model(keras.models.load_model(nested_file)))
    with open(table, newline="", encoding="utf-8") as fp:
        rows = list(csv.reader(fp))
    assert rows[0] == list(COLUMNS)
    assert [r[:4] for r in rows[1:]] == [r[:4] for r in expected]  # the input row names the preprocessing
    lines = markdown.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# outer" and len(lines) == 4 + len(expected)
