"""Thirty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh38/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is sequence models over time written from scratch in NumPy and
their PyTorch ports: hand-written LSTM and GRU cells unrolled over 4-6 time steps (the gates
stacked in one matrix or kept apart, in Karpathy's IFOG order, TensorFlow's i, j, f, o, colah's
notation or torch's own i, f, g, o / r, z, n), nn.LSTMCell, nn.GRUCell, nn.GRU, nn.LSTM and a
bidirectional nn.RNN, a ReLU recurrence (IRNN), back-propagation through time, many-to-one and
many-to-many losses, teacher forcing, stateful truncated BPTT, causal and dilated 1-d
convolutions over time, a gated linear unit and a WaveNet gated residual block. The bugs are
those of porting or writing such models: a gate order, an update-gate convention, a forget-gate
bias added twice, the return values or the arguments of a torch cell swapped, a loss averaged
over time where it was summed, the wrong output of a bidirectional RNN, a causal pad on the wrong
side, a dilation forgotten, a step dropped from BPTT, a cell-state gradient missing the forget
gate, a teacher-forced input that is not shifted, a many-to-one gradient injected at every
step, a hidden state computed from the stale cell, a window read backwards.
fresh38/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh38_cases

Each case:
    id          short name (prefixed PL; PLC for the correct programs)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh36/. Each buggy program marks its
bug line with a `# fix: ...` comment holding the corrected line; each was checked to fail
(exit 1) and, with that one line replaced by its fix, to pass (exit 0) under the same arguments;
each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh38/"
port, numpy_net = in_folder(F)

SEQ, MANY, TEACH, WAVE, STREAM = F + "seq.npz", F + "many.npz", F + "teach.npz", F + "wave.npz", F + "stream.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def rnn_params(prefix: str, module: str, suffix: str = "", numpy_suffix: str = "") -> list[str]:
    """The four tensors of one torch RNN layer against four NumPy arrays of the same layout."""
    return params(*(f"{prefix}{name}{numpy_suffix}={module}.{torch_name}{suffix}" for name, torch_name in
                    (("W_ih", "weight_ih_l0"), ("W_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"),
                     ("b_hh", "bias_hh_l0"))))


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PL01_ifog_lstm", side="port",
         args=pair("01_ifog_lstm_numpy.py", "IFOGLSTM", "01_ifog_lstm_torch.py", "IFOGLSTM", "--data", SEQ,
                   *params("WLSTM=WLSTM", "Wy=readout.weight.T", "by=readout.bias")),
         mechanism="pair: the port cuts Karpathy's IFOG-stacked gate pre-activations with i, f, g, o = "
                   "gates.chunk(4, dim=1), torch's documented order, where lstm.py stacks input, forget, output, "
                   "then the candidate: the third block (the output gate's) is used as the tanh candidate and the "
                   "fourth (the candidate's) as the sigmoid output gate, at every step (i and f are right)",
         expected=("gate order", "order of the gates", "ifog", "i, f, g, o", "i, f, o, g", "chunk",
                   "output gate", "candidate", "cell input", "swapped", "exchanged", "third and fourth",
                   "g and o", "o and g", "blocks", "stacked", "tanh", "sigmoid")),
    dict(id="PL02_wiki_gru", side="port",
         args=pair("02_wiki_gru_numpy.py", "WikiGRU", "02_wiki_gru_torch.py", "WikiGRU", "--data", SEQ,
                   *params("p['Wz']=xz.weight.T", "p['bz']=xz.bias", "p['Uz']=hz.weight.T",
                           "p['Wr']=xr.weight.T", "p['br']=xr.bias", "p['Ur']=hr.weight.T",
                           "p['Wh']=xn.weight.T", "p['bh']=xn.bias", "p['Uh']=hn.weight.T",
                           "p['Wy']=readout.weight.T", "p['by']=readout.bias")),
         mechanism="pair: the port's GRU update follows the torch.nn.GRU docs, h' = (1 - z) * n + z * h, where "
                   "the NumPy program (Wikipedia's fully gated unit) interpolates the other way, h' = (1 - z) * h + "
                   "z * n: the update gate z weights the old state where it should weight the candidate, so the "
                   "port keeps the state where the NumPy program replaces it (z and 1 - z exchanged), every step",
         expected=("update gate", "z", "1 - z", "(1 - z) * h", "(1 - z) * n", "z * n", "z * h", "interpolat",
                   "convention", "gru", "candidate", "previous state", "old state", "swapped", "exchanged",
                   "complement", "lerp", "torch docs", "wikipedia")),
    dict(id="PL03_concat_lstm", side="port",
         args=pair("03_concat_lstm_numpy.py", "ConcatLSTM", "03_concat_lstm_torch.py", "ConcatLSTM", "--data", SEQ,
                   *params("params['W']=kernel.weight.T", "params['b']=kernel.bias",
                           "params['Wy']=readout.weight.T", "params['by']=readout.bias")),
         mechanism="pair: the port copies TensorFlow BasicLSTMCell's forget_bias = 1.0 into the forward pass, "
                   "sigmoid(f + FORGET_BIAS), while the NumPy program already started the forget gate's bias block "
                   "at 1.0 and adds nothing: the forget gate's pre-activation is 1 larger in the port, f = "
                   "sigmoid(a_f + 1) instead of sigmoid(a_f), so the cell keeps more of its previous state",
         expected=("forget_bias", "forget bias", "forget gate", "+ 1", "1.0", "added twice", "twice", "double",
                   "offset", "shift", "pre-activation", "basiclstmcell", "tensorflow", "sigmoid(f + 1)",
                   "bias initial", "constant")),
    dict(id="PL04_cell_lstm", side="port",
         args=pair("04_cell_lstm_numpy.py", "CellLSTM", "04_cell_lstm_torch.py", "CellLSTM", "--data", SEQ,
                   *params("weight_ih=cell.weight_ih", "weight_hh=cell.weight_hh", "bias_ih=cell.bias_ih",
                           "bias_hh=cell.bias_hh", "w_out=readout.weight", "b_out=readout.bias")),
         mechanism="pair: nn.LSTMCell returns (h', c'), but the port unpacks it as c, h = self.cell(x_t, (h, c)): "
                   "the new cell state is used as the hidden state and the new hidden state as the cell state, fed "
                   "back swapped at every step, and the readout reads the final cell state instead of the hidden "
                   "state",
         expected=("lstmcell", "unpack", "return order", "returns (h, c)", "(h, c)", "c, h", "h, c", "swapped",
                   "exchanged", "cell state", "hidden state", "tuple", "order", "reversed")),
    dict(id="PL05_cell_gru", side="port",
         args=pair("05_cell_gru_numpy.py", "CellGRU", "05_cell_gru_torch.py", "CellGRU", "--data", SEQ,
                   *params("params['W_ih']=cell.weight_ih", "params['W_hh']=cell.weight_hh",
                           "params['b_ih']=cell.bias_ih", "params['b_hh']=cell.bias_hh",
                           "params['W_y']=readout.weight", "params['b_y']=readout.bias")),
         mechanism="pair: the port calls nn.GRUCell as self.cell(h, x_t), the state first, where the signature is "
                   "cell(input, hx): the hidden state is fed through the input weights and the input x_t is taken "
                   "as the previous hidden state (it runs only because the 4 input features equal the 4 hidden "
                   "units)",
         expected=("grucell", "argument order", "arguments swapped", "swapped", "exchanged", "cell(h, x)",
                   "cell(x, h)", "input and hidden", "hx", "signature", "order of the arguments", "positional",
                   "input_size == hidden_size", "same size")),
    dict(id="PL06_glu_tcn", side="port",
         args=pair("06_glu_tcn_numpy.py", "GluTCN", "06_glu_tcn_torch.py", "GluTCN", "--data", MANY,
                   *params("Wc=conv.weight", "bc=conv.bias", "Wy=readout.weight", "by=readout.bias")),
         mechanism="pair: many-to-many: the port scores the per-step predictions with F.mse_loss(pred, y), the "
                   "mean over the sequences and the 6 time steps, where the NumPy program sums the squared errors "
                   "over time and averages over the sequences only: every gradient is 1/T = 1/6 of the NumPy "
                   "program's",
         expected=("mean over time", "averaged over time", "sum over time", "summed over time", "time steps",
                   "1/t", "1/6", "factor 6", "6 times", "reduction", "reduction='sum'", "mse_loss", "mean",
                   "sum", "per-step", "every step", "sequence length")),
    dict(id="PL07_birnn", side="port",
         args=pair("07_birnn_numpy.py", "BiRNN", "07_birnn_torch.py", "BiRNN", "--data", SEQ,
                   *rnn_params("p['", "rnn", numpy_suffix="_f']"),
                   *params("p['W_ih_b']=rnn.weight_ih_l0_reverse", "p['W_hh_b']=rnn.weight_hh_l0_reverse",
                           "p['b_ih_b']=rnn.bias_ih_l0_reverse", "p['b_hh_b']=rnn.bias_hh_l0_reverse",
                           "p['W_y']=readout.weight", "p['b_y']=readout.bias")),
         mechanism="pair: the port summarises its bidirectional nn.RNN with out[:, -1], the output at the last "
                   "time step, instead of the final states h_n of both directions: the forward half is right, but "
                   "the backward direction's half is its state after reading only x_4 (its first step) instead of "
                   "its final state after x_0, so the backward direction's recurrence barely enters the prediction",
         expected=("bidirectional", "out[:, -1]", "output[:, -1]", "h_n", "final state", "last time step",
                   "backward direction", "reverse direction", "reverse", "first step", "one step", "only x",
                   "concatenat", "summary", "last output")),
    dict(id="PL08_window_port", side="port",
         args=port("08_window_port.py", "Net", "--data", "random:40,6", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's causal temporal convolution pads its 6-sample window with F.pad(x, (0, LAGS - 1)), "
                   "zeros on the right (the end), instead of (LAGS - 1, 0) on the left: the last window, the one "
                   "read out, is the last sample followed by five zeros, so the hidden layer sees x_5 * W1[0] + b1 "
                   "instead of the whole window (anti-causal: each window looks ahead instead of back)",
         expected=("f.pad", "pad", "padding", "wrong side", "right", "left", "causal", "anti-causal", "future",
                   "(lags - 1, 0)", "(0, lags - 1)", "zeros", "last window", "unfold", "window", "shift",
                   "last sample")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PL09_stacked_gru", side="numpy",
         args=pair("09_stacked_gru_numpy.py", "StackedGRU", "09_stacked_gru_torch.py", "StackedGRU", "--data", SEQ,
                   *params("params['Wx']=gru.weight_ih_l0.T", "params['Wh']=gru.weight_hh_l0.T",
                           "params['bx']=gru.bias_ih_l0", "params['bh']=gru.bias_hh_l0",
                           "params['Wy']=readout.weight.T", "params['by']=readout.bias")),
         mechanism="pair: the NumPy GRU's block indices into torch's stacked (r, z, n) weights are written R, Z, "
                   "N = 1, 0, 2: the reset gate is read from the update gate's block and the update gate from the "
                   "reset gate's (the candidate block is right), consistently in the forward and backward passes, "
                   "so the program computes a GRU whose r and z weights are exchanged relative to nn.GRU",
         expected=("gate order", "r, z, n", "reset gate", "update gate", "swapped", "exchanged", "block",
                   "index", "r and z", "z and r", "stacked", "nn.gru", "weight_ih", "first block",
                   "second block", "layout")),
    dict(id="PL10_colah_lstm", side="numpy",
         args=pair("10_colah_lstm_numpy.py", "ColahLSTM", "10_colah_lstm_torch.py", "ColahLSTM", "--data", SEQ,
                   *params(*(f"params['{w}_{g}']=gate_{g}.{t}" for g in "fiCo"
                             for w, t in (("W", "weight"), ("b", "bias"))),
                           "params['W_y']=readout.weight", "params['b_y']=readout.bias")),
         mechanism="pair: back-propagation through time passes the cell-state gradient to the previous step as "
                   "dC_next = dC instead of dC * f: the forget gate's factor on the path C_prev -> C is dropped, so "
                   "the gradient flowing back along the cell state is not attenuated by f at each step and every "
                   "parameter except the readout gets a wrong gradient (the last step's contributions are right)",
         expected=("cell state", "cell gradient", "dc_next", "dc * f", "forget gate", "times f", "multiplied by f",
                   "* f", "bptt", "through time", "previous step", "constant error carousel", "c_prev",
                   "missing factor", "not attenuated")),
    dict(id="PL11_seq_tagger", side="numpy",
         args=pair("11_seq_tagger_numpy.py", "SeqTagger", "11_seq_tagger_torch.py", "SeqTagger", "--data", MANY,
                   *params("Wx=x2h.weight.T", "b=x2h.bias", "Wh=h2h.weight.T", "Wy=readout.weight.T",
                           "by=readout.bias")),
         mechanism="pair: the BPTT loop runs for t in reversed(range(1, T)), an off-by-one from the 1-based "
                   "h_t / h_{t-1} notation: the first time step (t = 0) is never back-propagated, so its output's "
                   "gradient (Wy, by) and its contribution to Wx, Wh and b are missing (the forward pass and the "
                   "loss are right)",
         expected=("off-by-one", "off by one", "range(1, t)", "range(t)", "first time step", "first step",
                   "t = 0", "step 0", "skipped", "missing", "bptt", "through time", "loop", "index",
                   "not back-propagated")),
    dict(id="PL12_teacher_forced", side="numpy",
         args=pair("12_teacher_forced_numpy.py", "TeacherForcedRNN", "12_teacher_forced_torch.py",
                   "TeacherForcedRNN", "--data", TEACH,
                   *rnn_params("p['", "rnn", numpy_suffix="']"),
                   *params("p['W_y']=readout.weight", "p['b_y']=readout.bias")),
         mechanism="pair: teacher forcing builds the previous-value input as concatenate([0, Y[:, 1:]]) instead of "
                   "concatenate([0, Y[:, :-1]]): the observed series is not shifted right by one step, so from the "
                   "second step on the network reads y_t, the very value it must predict, instead of y_{t-1} (the "
                   "target leaks into the input)",
         expected=("teacher forcing", "teacher-forcing", "shift", "shifted", "off-by-one", "off by one",
                   "y[:, :-1]", "y[:, 1:]", "previous value", "y_{t-1}", "y_t", "leak", "target as input",
                   "future", "lag", "one step")),
    dict(id="PL13_irnn", side="numpy",
         args=pair("13_irnn_numpy.py", "IRNN", "13_irnn_torch.py", "IRNN", "--data", SEQ,
                   *rnn_params("", "rnn"), *params("W_out=readout.weight", "b_out=readout.bias")),
         mechanism="pair: many-to-one, but the backward pass (kept from a many-to-many tagger) adds the readout's "
                   "gradient dout @ W_out to dh at every time step, dh = dh_next + dh_out, instead of at the last "
                   "step only: every earlier step receives an extra output gradient that no prediction there "
                   "produced, so W_ih, W_hh and both biases get too much gradient (the readout is right)",
         expected=("many-to-one", "many-to-many", "every time step", "every step", "each step", "last step only",
                   "last step", "output gradient", "readout gradient", "injected", "added at every", "dh_out",
                   "extra gradient", "bptt", "through time", "final state")),
    dict(id="PL14_torchnamed_lstm", side="numpy",
         args=pair("14_torchnamed_lstm_numpy.py", "TorchNamedLSTM", "14_torchnamed_lstm_torch.py", "TorchNamedLSTM",
                   "--data", SEQ,
                   *params(*(f"sd['{n}']=lstm.{n}" for n in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0",
                                                              "bias_hh_l0")),
                           "sd['fc.weight']=fc.weight", "sd['fc.bias']=fc.bias")),
         mechanism="pair: the LSTM's new hidden state is computed from the previous cell state, h_new = o * "
                   "tanh(c), instead of the one just updated, o * tanh(c_new): the hidden state lags the cell by "
                   "one step (the first step's h is 0 since c_0 = 0), so the forward pass, the loss and every "
                   "gradient differ; the backward pass is written for tanh(c_new)",
         expected=("stale", "previous cell", "old cell", "c_prev", "c_new", "tanh(c)", "tanh(c_new)",
                   "cell state", "hidden state", "one step", "lag", "order", "before the update",
                   "not yet updated", "output gate", "forward")),
    dict(id="PL15_wavenet_block", side="numpy",
         args=pair("15_wavenet_block_numpy.py", "WaveNetBlock", "15_wavenet_block_torch.py", "WaveNetBlock",
                   "--data", WAVE,
                   *params("params['Win']=inp.weight", "params['bin']=inp.bias", "params['Wd']=dil.weight",
                           "params['bd']=dil.bias", "params['Wr']=res.weight", "params['br']=res.bias",
                           "params['Wy']=readout.weight", "params['by']=readout.bias")),
         mechanism="pair: the dilated causal convolution's tap delays are (K - 1 - k) instead of (K - 1 - k) * "
                   "DIL: the dilation 2 is forgotten, so the taps read x[t - 2], x[t - 1], x[t] instead of "
                   "x[t - 4], x[t - 2], x[t] (a receptive field of 3 instead of 5 steps), consistently in the "
                   "forward and backward passes, where nn.Conv1d(dilation=2) spaces them 2 apart",
         expected=("dilation", "dilated", "dil", "spacing", "tap", "offset", "receptive field", "x[t - 4]",
                   "x[t - 2]", "* dil", "shift", "delay", "causal", "conv1d", "kernel")),
    dict(id="PL16_lag_window", side="numpy",
         args=numpy_net("16_lag_window_net.py", "LagWindowNet", "--init", "LagWindowNet()",
                        "--step", "net.train_step(X, y)", "--output", "out", "--data", "random:40,6",
                        "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the forward pass reads the window reversed in time, X[:, ::-1] (newest sample first), while the "
                   "backward pass forms W1's gradient from X in its own order: the prediction pairs lag k with row "
                   "5 - k of W1, and W1's gradient rows are those of the unreversed window (b1, W2, b2 follow the "
                   "reversed forward)",
         expected=("reversed", "reverse", "[::-1]", "time axis", "flipped", "flip", "order of the lags",
                   "newest first", "oldest first", "window", "w1 rows", "rows of w1", "forward and backward",
                   "inconsistent", "x.t")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PLC1_stateful_rnn", side="correct",
         args=pair("correct_01_stateful_rnn_numpy.py", "StatefulRNN", "correct_01_stateful_rnn_torch.py",
                   "StatefulRNN", "--data", STREAM, "--batch-size", "10", "--step", "net.train_step(X, y)",
                   *rnn_params("", "rnn"), *params("W_y=readout.weight", "b_y=readout.bias")),
         mechanism="pair: stateful truncated BPTT over chunks of ten series fed in order (batches of 10 rows): "
                   "the NumPy program carries a copy of each chunk's final state into the next batch (no gradient "
                   "across it), the port passes h_n.detach() back into nn.RNN (repackage_hidden); loss summed over "
                   "time, averaged over the series; plain SGD", expected=()),
    dict(id="PLC2_timemajor_lstm", side="correct",
         args=pair("correct_02_timemajor_lstm_numpy.py", "TimeMajorLSTM", "correct_02_timemajor_lstm_torch.py",
                   "TimeMajorLSTM", "--data", MANY, "--batch-size", "20",
                   *params("p['W_ih']=lstm.weight_ih_l0", "p['W_hh']=lstm.weight_hh_l0",
                           "p['b_ih']=lstm.bias_ih_l0", "p['b_hh']=lstm.bias_hh_l0",
                           "p['W_y']=readout.weight", "p['b_y']=readout.bias")),
         mechanism="pair: a many-to-many LSTM time-major throughout (input projections of all steps in one "
                   "einsum, preallocated (T, n, H) states, sigmoid written as (1 + tanh(a / 2)) / 2, the gate "
                   "gradients stacked and reduced over time once) against nn.LSTM in its default time-major layout "
                   "with explicit zero (h_0, c_0); Adam with amsgrad by hand against torch.optim.Adam(amsgrad=True)",
         expected=()),
    dict(id="PLC3_tdnn_lags", side="correct",
         args=numpy_net("correct_03_tdnn_lags.py", "LagTDNN", "--init", "LagTDNN()", "--step", "net.train_step(X, y)",
                        "--output", "out", "--data", "random:40,6", "--hidden-activation", "relu",
                        "--output-activation", "linear", "--loss", "mse", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: a time-delay network on a 6-lag window whose hidden pre-activation is accumulated lag by "
                   "lag (np.outer of each lag's column with its row of W1, b1 broadcast and copied) and whose W1 "
                   "gradient is filled row by row, ReLU, a linear output, MSE, momentum as an EMA of the gradients "
                   "updated in place; against the kit's twin", expected=()),
]
