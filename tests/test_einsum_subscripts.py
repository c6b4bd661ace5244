"""The same einsum written with other subscripts on the two sides: the port's subscripts are traced, and the NumPy
program's operands contracted with them are measured against the port's value."""

import numpy as np
import torch

from parity.diagnosis.einsum_subscripts import subscripts_apart
from parity.diagnosis.port_values import _TorchValues
from parity.diagnosis.value_trace import Trace
from tests.test_trace_readings import values

RNG = np.random.default_rng(11)


def test_the_ports_einsum_keeps_its_subscripts_in_the_trace():
    trace = Trace()
    x, w = torch.randn(3, 4), torch.randn(3, 4, 2)
    trace.root("X", x, x.double().numpy())
    with _TorchValues(trace):
        torch.einsum("ni,nio->no", x, w)
    assert trace.values[-1].op == "einsum" and trace.values[-1].detail.startswith("'ni,nio->no'"), trace.values[-1]


def test_an_einsum_that_sums_over_the_batch_letter_is_read_with_the_axis_whose_role_differs():
    x, w = RNG.normal(size=(5, 4)), RNG.normal(size=(5, 4, 3))
    mine = values(("X", x, (), ""), ("W", w, (), ""), ("einsum", np.einsum("ni,nio->no", x, w), (0, 1), "'ni,nio->no'"))
    theirs = values(("X", x, (), ""), ("W", w, (), ""), ("einsum", np.einsum("ni,mio->no", x, w), (0, 1), "'ni,mio->no'"))
    said = subscripts_apart(mine.values[2:], theirs.values[2:], mine)
    assert "'ni,nio->no'" in said and "'ni,mio->no'" in said and "operand 2's axis 0" in said and "summed over" in said, said
    # the port's value made otherwise (its own matrices, another einsum): the subscripts alone do not explain it
    other = values(("X", x, (), ""), ("W", w, (), ""), ("einsum", np.einsum("ni,mio->no", x, w) + 1, (0, 1), "'ni,mio->no'"))
    assert subscripts_apart(mine.values[2:], other.values[2:], mine) == ""
    # the same contraction written with other letters, or with its output implicit, is no difference
    renamed = values(("X", x, (), ""), ("W", w, (), ""), ("einsum", np.einsum("bj,bjk->bk", x, w), (0, 1), "'bj,bjk->bk'"))
    assert subscripts_apart(mine.values[2:], renamed.values[2:], mine) == ""
    square = RNG.normal(size=(4, 3))
    product = values(("X", x, (), ""), ("W", square, (), ""), ("einsum", x @ square, (0, 1), "'ij,jk->ik'"))
    implicit = values(("X", x, (), ""), ("W", square, (), ""), ("einsum", x @ square, (0, 1), "'ij,jk'"))
    assert subscripts_apart(product.values[2:], implicit.values[2:], product) == ""


def test_the_ports_einsum_computed_again_with_its_output_letter_kept_gives_the_numpy_programs_per_row_sums():
    from parity.diagnosis.einsum_subscripts import einsum_again
    d = RNG.normal(size=(6, 3))
    mine = values(("X", d, (), ""), ("square", d**2, (0,), ""), ("add.reduce", (d**2).sum(1), (1,), "axis=1"))
    port = values(("X", d, (), ""), ("einsum", np.array((d**2).sum()), (0, 0), "'ij,ij->'"))
    tensor = torch.as_tensor(d)
    said = einsum_again(port.values[1:], {1: (torch.einsum, ("ij,ij->", tensor, tensor), {})}, mine.values[1:], 1e-9)
    assert "'ij,ij->i' in place of 'ij,ij->'" in said and "[add.reduce (6,)]" in said and "summed over" in said, said
    columns = values(("X", d, (), ""), ("add.reduce", (d**2).sum(1) + 1, (0,), "axis=1"))
    assert einsum_again(port.values[1:], {1: (torch.einsum, ("ij,ij->", tensor, tensor), {})}, columns.values[1:], 1e-9) == ""


def test_the_numpy_programs_einsum_computed_again_with_its_result_transposed_gives_the_ports_scores():
    from parity.diagnosis.einsum_subscripts import numpy_einsum_again
    q, k = RNG.normal(size=(2, 4, 3)), RNG.normal(size=(2, 4, 3))
    mine = values(("X", q, (), ""), ("y", k, (), ""), ("einsum", np.einsum("ntd,nsd->nts", q, k), (0, 1), "'ntd,nsd->nts'"))
    port = values(("bmm", k @ q.transpose(0, 2, 1), (), ""))
    said = numpy_einsum_again(mine.values[2:], mine, port.values, 1e-9)
    assert "'ntd,nsd->nst' in place of 'ntd,nsd->nts'" in said and "('nts' against 'nst')" in said, said
    assert numpy_einsum_again(mine.values[2:], mine, values(("bmm", k @ q.transpose(0, 2, 1) + 1, (), "")).values, 1e-9) == ""


def test_an_einsums_operand_with_two_axes_swapped_is_read_as_the_transposed_matrix():
    from parity.diagnosis.einsum_subscripts import numpy_einsum_again
    w, u = RNG.normal(size=(3, 4, 4)), RNG.normal(size=(5, 4))
    mine = values(("X", u, (), ""), ("einsum", np.einsum("kij,nj->nki", w, u), ("?", 0), "'kij,nj->nki'"))
    mine.values[1].unseen = {0: w}
    port = values(("squeeze", np.einsum("kji,nj->nki", w, u), (), ""))
    said = numpy_einsum_again(mine.values[1:], mine, port.values, 1e-9)
    assert "'kji,nj->nki' in place of 'kij,nj->nki'" in said, said
