"""One hundred and fifty-fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh155/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is LSTM sequence models
written by hand: an LSTM cell (input, forget, cell, output gates; the forget-gate bias set to 1
in both programs' initial weights) unrolled with full backpropagation through time over short
zero-padded sequences with per-sequence lengths (the mask recovered as any(X != 0) over the
features, the loss masked past each length), a many-to-one classifier and two many-to-many
taggers, gradient clipping by global norm (max_norm / (norm + 1e-6), as clip_grad_norm_), and
Adam, RMSprop or AdamW.

The base programs (data from fresh155/make_data.py, fixed seed, nothing random while training):

    cls_numpy.py:LSTMClassifier / cls_torch.py:LSTMClassifier, cls.npz X (24, 6, 3) zero-padded
        (lengths 3..6), y (24,) in {0, 1, 2}
        many-to-one: gates x @ Wx + h @ Wh + b, order i, f, g, o (Wx (3, 20), Wh (5, 20),
        b (20,) kept (in, out); the port: ih = nn.Linear(3, 20) with the one bias,
        hh = nn.Linear(5, 20, bias=False)); the state is carried unchanged past each length
        (c = m c~ + (1 - m) c), so the classifier reads h at each sequence's last real step;
        dense 5->3 (Wy (in, out)); softmax cross-entropy, mean over the batch; clipping at
        global norm 0.15 (active every step); Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        as torch.optim.Adam.
    tag_numpy.py:LSTMTagger / tag_torch.py:LSTMTagger, tag.npz X (24, 6, 4) zero-padded
        (lengths 2..6), y (24, 6) in {0, 1, 2} (0 at padded steps)
        many-to-many in the lstm.py style: one matrix WLSTM (1 + 4 + 4, 16) with the bias as its
        first row, [1, x_t, h_{t-1}] @ WLSTM, gate order i, f, o, g (IFOG); parameters are
        attributes (WLSTM, Wy (in, out), by); the port keeps WLSTM as an nn.Parameter and an
        nn.Linear head; loss = sum over real steps of cross-entropy / N (sequences);
        clipping at global norm 1.0; RMSprop lr 0.01, alpha 0.9, eps 1e-8 (outside the root),
        as torch.optim.RMSprop(alpha=0.9); its cache compared as square_avg (--state).
    seq_numpy.py:SeqTagger / seq_torch.py:SeqTagger, tag2.npz X (20, 5, 3) zero-padded
        (lengths 2..5), y (20, 5) in {0, 1, 2, 3}
        many-to-many mirroring torch.nn.LSTM: weight_ih (24, 3), weight_hh (24, 6), two biases
        bias_ih, bias_hh (forget slice of bias_ih at 1), order i, f, g, o; the port is
        nn.LSTM(3, 6, batch_first=True) run over the padded batch and nn.Linear(6, 4)
        (W_out (out, in)); loss = mean cross-entropy over the real steps (sum(mask ce) /
        sum(mask)); clipping at global norm 0.14 (active in some steps, not others); AdamW
        lr 0.01, weight decay 0.01 (decoupled), as torch.optim.AdamW.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh155_cases

Each case:
    id          short name (prefixed TY)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one or two lines
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh155/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def cls(numpy="cls_numpy.py", port="cls_torch.py", name="LSTMClassifier"):
    return [F + numpy + ":" + name, "--torch", F + port + ":LSTMClassifier",
            "--data", F + "cls.npz", "--as-written",
            "--param", "params['Wx']=ih.weight.T",
            "--param", "params['Wh']=hh.weight.T",
            "--param", "params['b']=ih.bias",
            "--param", "params['Wy']=fc.weight.T",
            "--param", "params['by']=fc.bias", *RUN]


def tag(numpy="tag_numpy.py", port="tag_torch.py", name="LSTMTagger", head="out"):
    return [F + numpy + ":LSTMTagger", "--torch", F + port + ":" + name,
            "--data", F + "tag.npz", "--as-written",
            "--param", "WLSTM=WLSTM",
            "--param", f"Wy={head}.weight.T",
            "--param", f"by={head}.bias",
            "--state", "square_avg=net.cache", *RUN]


def seq(numpy="seq_numpy.py", port="seq_torch.py"):
    return [F + numpy + ":SeqTagger", "--torch", F + port + ":SeqTagger",
            "--data", F + "tag2.npz", "--as-written",
            "--param", "p['weight_ih']=lstm.weight_ih_l0",
            "--param", "p['weight_hh']=lstm.weight_hh_l0",
            "--param", "p['bias_ih']=lstm.bias_ih_l0",
            "--param", "p['bias_hh']=lstm.bias_hh_l0",
            "--param", "p['W_out']=fc.weight",
            "--param", "p['b_out']=fc.bias", *RUN]


def seq_t():
    return [F + "seq_t_numpy.py:SeqTaggerT", "--torch", F + "seq_torch.py:SeqTagger",
            "--data", F + "tag2.npz", "--as-written",
            "--param", "weights['W_ih']=lstm.weight_ih_l0.T",
            "--param", "weights['W_hh']=lstm.weight_hh_l0.T",
            "--param", "weights['b_ih']=lstm.bias_ih_l0",
            "--param", "weights['b_hh']=lstm.bias_hh_l0",
            "--param", "weights['W_o']=fc.weight.T",
            "--param", "weights['b_o']=fc.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TY01", "side": "port", "args": cls(port="01_gateorder_port.py"),
     "mechanism": "gates unpacked as i, f, o, g = gates.chunk(4) where the NumPy order is i, f, g, o: "
                  "the output gate gets tanh and the candidate cell input gets sigmoid, swapped",
     "expected": ("gate order", "chunk", "swapped", "output gate", "candidate")},
    {"id": "TY02", "side": "port", "args": cls(port="02_laststep_port.py"),
     "mechanism": "the state is not held past each sequence's length: the cell steps through the "
                  "zero padding and the classifier reads h at the padded last step T",
     "expected": ("length", "last step", "padding", "padded", "mask")},
    {"id": "TY03", "side": "port", "args": cls(port="03_statecarry_port.py"),
     "mechanism": "hidden and cell state kept on the module between training steps (detached) and "
                  "used as the next batch's initial state instead of zeros: state not reset",
     "expected": ("reset", "initial state", "carried", "stateful", "previous batch")},
    {"id": "TY04", "side": "port", "args": tag(port="04_notanhc_port.py"),
     "mechanism": "hidden state computed as h = o * c: the tanh on the cell state left out",
     "expected": ("tanh", "cell state", "o * c", "tanh(c)")},
    {"id": "TY05", "side": "port", "args": tag(port="05_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: torch's default smoothing alpha 0.99 where "
                  "the NumPy cache decays with 0.9",
     "expected": ("alpha", "rmsprop", "0.99", "smoothing", "square_avg")},
    {"id": "TY06", "side": "port", "args": tag(port="06_nomask_port.py"),
     "mechanism": "loss summed over every position, the padded steps (target 0) included: the "
                  "length mask left out of the loss",
     "expected": ("mask", "padding", "padded", "ignore_index", "length")},
    {"id": "TY07", "side": "port", "args": seq(port="07_meanall_port.py"),
     "mechanism": "masked loss reduced with .mean() over all N*T positions instead of dividing the "
                  "masked sum by the number of real steps",
     "expected": ("mean", "reduction", "real steps", "number of", "count", "n * t")},
    {"id": "TY08", "side": "port", "args": seq(port="08_adaml2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.01) instead of AdamW: the decay is an L2 term "
                  "added to the gradient (through the moments), not decoupled",
     "expected": ("weight decay", "weight_decay", "adamw", "decoupled", "l2")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TY09", "side": "numpy", "args": cls(numpy="09_cellbptt_numpy.py"),
     "mechanism": "the cell-state gradient is not carried back through the forget gate "
                  "(dc_{t-1} = dc_t * f left out): BPTT along the cell state truncated",
     "expected": ("cell state", "forget", "bptt", "through time", "dc")},
    {"id": "TY10", "side": "numpy", "args": cls(numpy="10_gsigderiv_numpy.py"),
     "mechanism": "candidate gate g = tanh(.) back-propagated with the sigmoid derivative "
                  "g (1 - g) instead of 1 - g^2",
     "expected": ("tanh", "derivative", "sigmoid", "candidate", "1 - g")},
    {"id": "TY11", "side": "numpy", "args": cls(numpy="11_clipsum_numpy.py"),
     "mechanism": "global norm for clipping taken as the sum of the per-tensor L2 norms instead of "
                  "the square root of the summed squares: every step clipped too hard",
     "expected": ("clip", "global norm", "sum of", "per-tensor", "norm")},
    {"id": "TY12", "side": "numpy", "args": tag(numpy="12_dhnext_numpy.py"),
     "mechanism": "in BPTT the hidden-state gradient from the next step (dh_next) is not added to "
                  "the output's gradient at each step: the recurrent path through h dropped",
     "expected": ("recurrent", "dh_next", "through time", "bptt", "next step")},
    {"id": "TY13", "side": "numpy", "args": tag(numpy="13_bwdmask_numpy.py"),
     "mechanism": "the loss is masked in the forward pass but the softmax gradient is not: padded "
                  "steps send gradient into Wy, by and the recurrence",
     "expected": ("mask", "padding", "padded", "backward", "length")},
    {"id": "TY14", "side": "numpy", "args": seq(numpy="14_wdnolr_numpy.py"),
     "mechanism": "AdamW's decoupled weight decay applied as p -= wd * p, without the learning "
                  "rate (torch: p *= 1 - lr * wd)",
     "expected": ("weight decay", "learning rate", "lr", "decoupled", "decay")},
    {"id": "TY15", "side": "numpy", "args": seq(numpy="15_whhtime_numpy.py"),
     "mechanism": "recurrent weight gradient taken with the current hidden state h_t instead of "
                  "h_{t-1} (dW_hh += dgates.T @ h_t): off by one time step",
     "expected": ("weight_hh", "h_{t-1}", "previous hidden", "off by one", "time step")},
    {"id": "TY16", "side": "numpy", "args": seq(numpy="16_ogate_numpy.py"),
     "mechanism": "output-gate gradient computed with tanh of the previous cell state, "
                  "do = dh * tanh(c_{t-1}), instead of tanh(c_t)",
     "expected": ("output gate", "tanh", "c_{t-1}", "previous cell", "cell state")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TY17", "side": "correct", "args": cls(numpy="cls_gather_numpy.py", name="LSTMGather"),
     "mechanism": "correct: NumPy classifier that runs through the padding, gathers h at each "
                  "length and injects its gradient there; in-place Adam moments",
     "expected": ()},
    {"id": "TY18", "side": "correct",
     "args": tag(port="tag_alt_torch.py", name="LSTMTaggerAlt", head="head"),
     "mechanism": "correct: port masking by ignore_index=-100 (reduction sum / N), the three "
                  "sigmoid gates in one call, the head applied step by step",
     "expected": ()},
    {"id": "TY19", "side": "correct", "args": seq_t(),
     "mechanism": "correct: NumPy tagger with (in, out) weight layouts, gates through a (N, 4, H) "
                  "view, one-hot softmax gradient, AdamW written in place",
     "expected": ()},
]
