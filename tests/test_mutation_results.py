"""`make mutation`'s results kept in the repository: what is saved is what mutmut wrote."""

from __future__ import annotations

import json

import pytest

from bench import mutation_results

META = {
    "exit_code_by_key": {
        "records.schema.x_spec__mutmut_1": 1,
        "records.schema.x_spec__mutmut_2": 0,
        "records.schema.xǁReaderǁat__mutmut_2": None,
        "records.schema.xǁReaderǁat__mutmut_1": 37,
    },
    "hash_by_function_name": {"x_spec": "d445940bdbe8", "xǁReaderǁat": "8cf2533ac381"},
}


def write_meta(mutants, meta=META):
    path = mutants / "records" / "schema.py.meta"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(meta), encoding="utf-8")


def test_saved_results_give_back_each_mutants_outcome_and_each_functions_hash(tmp_path):
    write_meta(tmp_path)
    saved = mutation_results.saved(tmp_path)
    assert saved == {
        "records/schema.py": {
            "x_spec": {"hash": "d445940bdbe8", "outcomes": [1, 0]},
            "xǁReaderǁat": {"hash": "8cf2533ac381", "outcomes": [37, None]},
        }
    }
    meta = mutation_results.restored(json.loads(json.dumps(saved)))["records/schema.py"]
    assert meta["exit_code_by_key"] == META["exit_code_by_key"]
    assert meta["hash_by_function_name"] == META["hash_by_function_name"]


def test_a_mutant_missing_from_a_functions_numbers_stops_the_save(tmp_path):
    codes = dict(META["exit_code_by_key"])
    del codes["records.schema.x_spec__mutmut_1"]
    write_meta(tmp_path, {**META, "exit_code_by_key": codes})
    with pytest.raises(ValueError, match="x_spec are not numbered 1 to 1"):
        mutation_results.saved(tmp_path)


def test_mutants_of_a_function_with_no_hash_stop_the_save(tmp_path):
    write_meta(tmp_path, {**META, "hash_by_function_name": {"x_spec": "d445940bdbe8"}})
    with pytest.raises(ValueError, match="mutants of xǁReaderǁat, whose code"):
        mutation_results.saved(tmp_path)
