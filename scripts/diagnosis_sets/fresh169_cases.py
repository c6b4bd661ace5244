"""One hundred and sixty-ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh169/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is recurrent sequence
tagging written by hand: a bidirectional Elman RNN and a one-directional Elman RNN, a softmax
over tags at every time step, a padding mask carried by the labels, BPTT written out in NumPy,
the two directions' states concatenated; SGD with momentum or Adagrad.

The base programs (data from fresh169/make_data.py, fixed seed, nothing random while training):

    birnn_numpy.py:BiRNNTagger / birnn_torch.py:BiRNNTagger, birnn.npz X (32, 8, 6) zero-padded,
        y (32, 8) tags 0..4 with -1 at padded positions
        forward and backward tanh recurrences (12 units each, two biases per direction as
        nn.RNN keeps them; NumPy weights (in, out) in a dict), padded positions run through both
        (an unpacked nn.RNN) but masked out of the loss; [h_fwd, h_bwd] -> dense 24->5; softmax
        cross-entropy averaged over the real tokens (torch: ignore_index=-1). SGD lr 0.1,
        momentum 0.9 as torch.optim.SGD (v = mu v + g; p -= lr v). Port: nn.RNN(bidirectional=True,
        batch_first=True) + nn.Linear. A second correct port, birnn_cells_torch.py, unrolls two
        nn.RNNCell (the reverse one over the flipped sequence, flipped back) and writes the masked
        loss out.
    elman_numpy.py:ElmanTagger / elman_torch.py:ElmanTagger, elman.npz X (24, 10, 5) zero-padded,
        y (24, 10) tags 1..5 with 0 (<pad>) at padded positions
        one tanh recurrence (16 units, weights kept as attributes in the torch layout, biases
        b_ih and b_hh), dense 16->6 at every step; cross-entropy summed over the real tokens and
        divided by the batch size (torch: ignore_index=0, reduction='sum' / N). Adagrad lr 0.05,
        eps 1e-10 as torch.optim.Adagrad (G += g^2; p -= lr g / (sqrt(G) + eps)). Port: an
        nn.RNNCell unrolled in a loop + nn.Linear.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh169_cases

Each case:
    id          short name (prefixed UM)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh169/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def birnn(numpy="birnn_numpy.py", port="birnn_torch.py"):
    return [F + numpy + ":BiRNNTagger", "--torch", F + port + ":BiRNNTagger",
            "--data", F + "birnn.npz", "--as-written",
            "--param", "params['Wx_f']=rnn.weight_ih_l0.T",
            "--param", "params['Wh_f']=rnn.weight_hh_l0.T",
            "--param", "params['bx_f']=rnn.bias_ih_l0",
            "--param", "params['bh_f']=rnn.bias_hh_l0",
            "--param", "params['Wx_b']=rnn.weight_ih_l0_reverse.T",
            "--param", "params['Wh_b']=rnn.weight_hh_l0_reverse.T",
            "--param", "params['bx_b']=rnn.bias_ih_l0_reverse",
            "--param", "params['bh_b']=rnn.bias_hh_l0_reverse",
            "--param", "params['Why']=fc.weight.T",
            "--param", "params['by']=fc.bias", *RUN]


def birnn_cells(port="birnn_cells_torch.py"):
    return [F + "birnn_numpy.py:BiRNNTagger", "--torch", F + port + ":BiRNNTagger",
            "--data", F + "birnn.npz", "--as-written",
            "--param", "params['Wx_f']=fwd.weight_ih.T",
            "--param", "params['Wh_f']=fwd.weight_hh.T",
            "--param", "params['bx_f']=fwd.bias_ih",
            "--param", "params['bh_f']=fwd.bias_hh",
            "--param", "params['Wx_b']=bwd.weight_ih.T",
            "--param", "params['Wh_b']=bwd.weight_hh.T",
            "--param", "params['bx_b']=bwd.bias_ih",
            "--param", "params['bh_b']=bwd.bias_hh",
            "--param", "params['Why']=head.weight.T",
            "--param", "params['by']=head.bias", *RUN]


def elman(numpy="elman_numpy.py", port="elman_torch.py"):
    return [F + numpy + ":ElmanTagger", "--torch", F + port + ":ElmanTagger",
            "--data", F + "elman.npz", "--as-written",
            "--param", "W_ih=cell.weight_ih",
            "--param", "W_hh=cell.weight_hh",
            "--param", "b_ih=cell.bias_ih",
            "--param", "b_hh=cell.bias_hh",
            "--param", "W_out=out.weight",
            "--param", "b_out=out.bias", *RUN]


def elman_alt():
    return [F + "elman_alt_numpy.py:ElmanTagger", "--torch", F + "elman_torch.py:ElmanTagger",
            "--data", F + "elman.npz", "--as-written",
            "--param", "W_xh=cell.weight_ih.T",
            "--param", "W_hh=cell.weight_hh.T",
            "--param", "b_x=cell.bias_ih",
            "--param", "b_h=cell.bias_hh",
            "--param", "W_hy=out.weight.T",
            "--param", "b_y=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UM01", "side": "port", "args": birnn(port="01_padmean_port.py"),
     "mechanism": "masked cross-entropy averaged with .mean() over all N*T positions (padding "
                  "included in the denominator) instead of over the real tokens",
     "expected": ("padding", "pad", "mask", "denominator", "mean", "token")},
    {"id": "UM02", "side": "port", "args": birnn_cells(port="02_bwdflip_port.py"),
     "mechanism": "the reverse-direction RNNCell runs over the flipped sequence but its outputs are "
                  "not flipped back before the concatenation: backward states paired with the wrong time steps",
     "expected": ("flip", "reverse", "backward direction", "time", "order")},
    {"id": "UM03", "side": "port", "args": birnn(port="03_wdecay_port.py"),
     "mechanism": "torch.optim.SGD(..., weight_decay=5e-4) where the NumPy momentum SGD has no "
                  "weight decay",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "UM04", "side": "port", "args": elman(port="04_accinit_port.py"),
     "mechanism": "torch.optim.Adagrad(initial_accumulator_value=0.1) (the Keras/TF default) where "
                  "the NumPy Adagrad accumulator starts at 0",
     "expected": ("initial_accumulator", "accumulator", "adagrad", "initial")},
    {"id": "UM05", "side": "port", "args": elman(port="05_ignoreidx_port.py"),
     "mechanism": "F.cross_entropy without ignore_index=0: the <pad> positions (tag 0) are counted "
                  "in the summed loss",
     "expected": ("ignore_index", "padding", "pad", "mask")},
    {"id": "UM06", "side": "port", "args": elman(port="06_carryh_port.py"),
     "mechanism": "the hidden state is kept on the module (detached) and carried into the next "
                  "train_step instead of restarting from zeros",
     "expected": ("hidden state", "carried", "reset", "stateful", "initial state")},
    {"id": "UM07", "side": "port", "args": elman(port="07_shiftout_port.py"),
     "mechanism": "off by one in time: the output at step t is taken from h_{t-1} (appended before "
                  "the cell update), so tag t is predicted from the previous state",
     "expected": ("off-by-one", "off by one", "shift", "previous", "time step")},
    {"id": "UM08", "side": "port", "args": birnn_cells(port="08_bwddetach_port.py"),
     "mechanism": "the reverse-direction loop detaches the hidden state every step: BPTT of the "
                  "backward direction truncated to one step (no gradient through Whh_b's recurrence)",
     "expected": ("detach", "truncat", "recurren", "bptt", "backward direction")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UM09", "side": "numpy", "args": birnn(numpy="09_bwdneighbor_numpy.py"),
     "mechanism": "backward-direction Wh_b gradient uses the state at t-1 (copied from the forward "
                  "direction) instead of its own previous state h_{t+1}",
     "expected": ("wh_b", "backward direction", "off-by-one", "previous state", "recurrent")},
    {"id": "UM10", "side": "numpy", "args": birnn(numpy="10_whtranspose_numpy.py"),
     "mechanism": "forward-direction recurrent gradient computed as dpre.T @ h_prev, the transpose "
                  "of h_prev.T @ dpre (Wh_f is square, so the shape fits)",
     "expected": ("transpose", "wh_f", "layout", "recurrent")},
    {"id": "UM11", "side": "numpy", "args": birnn(numpy="11_padgrad_numpy.py"),
     "mechanism": "the padding mask is applied in the loss but not to the softmax gradient: padded "
                  "positions send (softmax - onehot) gradient back",
     "expected": ("mask", "padding", "pad", "padded")},
    {"id": "UM12", "side": "numpy", "args": birnn(numpy="12_gradaccum_numpy.py"),
     "mechanism": "gradient buffers allocated once and accumulated with += every step, never reset "
                  "to zero",
     "expected": ("accumulat", "reset", "zero_grad", "zero", "summed over steps")},
    {"id": "UM13", "side": "numpy", "args": birnn(numpy="13_dampening_numpy.py"),
     "mechanism": "momentum velocity updated as v = mu v + (1 - mu) g (EMA / dampened) where "
                  "torch.optim.SGD adds the full gradient",
     "expected": ("dampening", "momentum", "1 - mu", "ema", "moving average")},
    {"id": "UM14", "side": "numpy", "args": elman(numpy="14_accreset_numpy.py"),
     "mechanism": "Adagrad accumulator re-created at zero at the start of every train_step, so the "
                  "sum of squared gradients never accumulates",
     "expected": ("adagrad", "accumulator", "reset", "state", "sum")},
    {"id": "UM15", "side": "numpy", "args": elman(numpy="15_nocarry_numpy.py"),
     "mechanism": "BPTT drops the gradient carried from step t+1: dh_t = dlogits_t @ W_out only, "
                  "without + dh_next (missing recurrent term)",
     "expected": ("bptt", "through time", "recurrent", "carried", "missing term")},
    {"id": "UM16", "side": "numpy", "args": elman(numpy="16_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative taken of the already-activated state: 1 - tanh(h)^2 instead of "
                  "1 - h^2",
     "expected": ("tanh", "derivative", "activation", "twice")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UM17", "side": "correct", "args": birnn_cells(),
     "mechanism": "correct: port with two nn.RNNCell loops (reverse over the flipped sequence, "
                  "flipped back) and the masked loss written with log_softmax / gather / mask.sum()",
     "expected": ()},
    {"id": "UM18", "side": "correct", "args": birnn(numpy="birnn_alt_numpy.py"),
     "mechanism": "correct: NumPy BiRNN time-major with einsum, one scan routine for both directions "
                  "over a reversed sequence, one-hot by np.add.at, momentum written with np.multiply/np.add(out=)",
     "expected": ()},
    {"id": "UM19", "side": "correct", "args": elman_alt(),
     "mechanism": "correct: NumPy Elman tagger with (in, out) weights, the input projection of all "
                  "steps in one matmul, mask as a float weight, in-place Adagrad with np.sqrt(out=)",
     "expected": ()},
]
