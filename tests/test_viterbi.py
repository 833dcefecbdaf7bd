"""extractor.viterbi must decode exactly as jieba's own posseg decoder: same route, same score, same tags."""
import random
from pathlib import Path

import jieba.posseg
import pytest
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from extractor import viterbi
from extractor.components import metrics

BULLETINS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
MODEL = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)


@pytest.fixture(scope="module")
def runs_of_the_bulletins():
    """The character runs jieba hands its HMM when it tags the bulletins (words its dictionary lacks)."""
    metrics._jieba()  # the extractor's user dictionary, as in a real run
    seen = []

    def recording(obs, *model):
        seen.append(obs)
        return jieba_viterbi(obs, *model)

    saved = jieba.posseg.viterbi
    jieba.posseg.viterbi = recording
    try:
        for path in BULLETINS:
            jieba.posseg.lcut(path.read_text(encoding="utf-8"))
    finally:
        jieba.posseg.viterbi = saved
    return seen


def test_the_bulletins_give_the_hmm_real_work(runs_of_the_bulletins):
    assert len(BULLETINS) == 5
    assert len(runs_of_the_bulletins) > 100
    assert any(len(run) > 2 for run in runs_of_the_bulletins)


def test_same_route_and_score_on_the_bulletins_runs(runs_of_the_bulletins):
    for run in runs_of_the_bulletins:
        assert viterbi.viterbi(run, *MODEL) == jieba_viterbi(run, *MODEL), run


def test_same_route_and_score_on_random_runs():
    rng = random.Random(24)
    alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)] + list("年月日万亿元个项家")
    for _ in range(400):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        assert viterbi.viterbi(run, *MODEL) == jieba_viterbi(run, *MODEL), run


def test_the_extractor_tags_with_it_and_the_tags_do_not_change():
    metrics._jieba()
    assert jieba.posseg.viterbi is viterbi.remembered
    text = BULLETINS[0].read_text(encoding="utf-8")
    fast = [(w.word, w.flag) for w in jieba.posseg.lcut(text)]
    jieba.posseg.viterbi = jieba_viterbi
    try:
        slow = [(w.word, w.flag) for w in jieba.posseg.lcut(text)]
    finally:
        jieba.posseg.viterbi = viterbi.remembered
    assert fast == slow


def test_a_remembered_run_decodes_as_jieba_does_each_time_it_comes_back(runs_of_the_bulletins):
    repeated = [run for run in runs_of_the_bulletins if runs_of_the_bulletins.count(run) > 1]
    assert repeated  # 个, 年 …: the bulletins hand the HMM the same runs again
    for run in repeated[:50] * 2:
        route = viterbi.remembered(run, *MODEL)
        assert route == jieba_viterbi(run, *MODEL), run
        route[1][0] = "spoiled"  # a caller's copy: spoiling it leaves the next answer whole
