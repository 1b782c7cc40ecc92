from math import comb

import pytest

from tasks.arkts.passk import pass_at_k


def test_all_correct_and_none_correct():
    assert pass_at_k(10, 10, 1) == 1.0
    assert pass_at_k(10, 0, 5) == 0.0


def test_pass_at_1_is_the_fraction_correct():
    assert pass_at_k(10, 3, 1) == pytest.approx(0.3)


def test_matches_the_combinatorial_definition():
    n, c, k = 20, 4, 5
    assert pass_at_k(n, c, k) == pytest.approx(1 - comb(n - c, k) / comb(n, k))


def test_certain_when_too_few_wrong_samples_to_fill_k():
    assert pass_at_k(5, 3, 3) == 1.0


def test_pass_at_k_grows_with_k():
    values = [pass_at_k(10, 2, k) for k in range(1, 11)]
    assert values == sorted(values)


@pytest.mark.parametrize(("n", "c", "k"), [(5, 6, 1), (5, -1, 1), (5, 2, 0), (5, 2, 6)])
def test_rejects_impossible_arguments(n, c, k):
    with pytest.raises(ValueError):
        pass_at_k(n, c, k)
