"""The cyclic collector is paused for a block and running again after it, whatever happens."""

from __future__ import annotations

import gc

import pytest

from sop_builder.core.gcpause import collector_paused


def test_the_collector_is_paused_inside_and_running_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_an_error_in_the_block():
    with pytest.raises(ValueError, match="fout"), collector_paused():
        raise ValueError("fout")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the caller's pause is the caller's to end
    finally:
        gc.enable()
