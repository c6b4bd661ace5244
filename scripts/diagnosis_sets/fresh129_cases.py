"""One hundred twenty-ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh129/, written by hand as people make them when they write or port ordinal and structured-output
networks. The theme is ordinal and structured outputs: ordinal regression with cumulative logits
(proportional odds with ordered thresholds), multi-label classification with per-label binary
cross-entropy and label weights, a two-level hierarchical softmax.

Three base programs, each a NumPy program with a hand-written backward and optimizer and its
PyTorch port (data written by fresh129/make_data.py, seed 129, 96 rows):

- ordinal_numpy.py:OrdinalNet / ordinal_torch.py:OrdinalNet (ordinal.npz, X (96, 6), y int64
  grades 0..4): h = tanh(X W1 + b1), a score s = h w2 (no bias), ordered thresholds
  theta = cumsum([raw_0, softplus(raw_1..3)]), P(y <= k) = sigmoid(theta_k - s), P(y = k) the
  difference of neighbouring cumulative probabilities (padded with 0 and 1), loss the mean
  negative log-likelihood; Adam (lr 0.02, betas 0.9, 0.999, eps 1e-8), by hand against
  torch.optim.Adam. The port: nn.Linear hidden, nn.Linear(10, 1, bias=False) score, an
  nn.Parameter raw, the likelihood by gather.
- multilabel_numpy.py:MultiLabelNet / multilabel_torch.py:MultiLabelNet (multilabel.npz,
  X (96, 8), y (96, 5) 0/1): h = relu(X W1 + b1), one logit per label z = h W2 + b2, loss the
  mean over all N*L entries of the binary cross-entropy with per-label weights
  w = (1, 0.5, 2, 1, 1.5) and positive weights pw = (2, 1, 0.5, 1.5, 4), as
  F.binary_cross_entropy_with_logits(weight=w, pos_weight=pw); SGD with momentum 0.9 and L2
  weight decay 1e-3 on every parameter (lr 0.2), by hand against torch.optim.SGD.
- hier_numpy.py:HierSoftmaxNet / hier_torch.py:HierSoftmaxNet (hier.npz, X (96, 6), y int64
  leaves 0..11 in 3 groups of 4): h = tanh(X W1 + b1), group logits h Wg + bg, leaf logits
  of the row's own group h Wc[g] + bc[g] with Wc (3, 10, 4), bc (3, 4), group g = y // 4 and
  leaf c = y % 4; loss the mean of -log softmax(group)[g] - log softmax(leaf)[c]; plain SGD
  (lr 0.5), by hand against torch.optim.SGD. The port computes every group's leaf logits by
  einsum and picks the row's group.

The correct variants: 17 the ordinal NumPy program written with a triangular matrix for the
thresholds, one-hot masks in the backward and Adam with m_hat / v_hat; 18 the multi-label port
with raw nn.Parameters in the NumPy layout and the weighted BCE written with F.logsigmoid;
19 the hierarchical port written as the joint log-probability of the 12 leaves and F.nll_loss.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh129_cases

Each case:
    id          short name (prefixed SY)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20 --dtype float32 --device cpu where absent, and --quiet
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings, its tests or any other set;
validated by exit status alone (each buggy program exits 1, its fixed version and every correct
program exit 0, under the same arguments).
"""

F = "scripts/diagnosis_sets/fresh129/"

ORD = ["--as-written", "--data", F + "ordinal.npz",
       "--param", "params['W1']=hidden.weight.T", "--param", "params['b1']=hidden.bias",
       "--param", "params['w2']=score.weight.reshape(10)", "--param", "params['raw']=raw"]
MLB = ["--as-written", "--data", F + "multilabel.npz",
       "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
       "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]
MLB_RAW = ["--as-written", "--data", F + "multilabel.npz",
           "--param", "params['W1']=W1", "--param", "params['b1']=b1",
           "--param", "params['W2']=W2", "--param", "params['b2']=b2"]
HIER = ["--as-written", "--data", F + "hier.npz",
        "--param", "params['W1']=hidden.weight.T", "--param", "params['b1']=hidden.bias",
        "--param", "params['Wg']=group.weight.T", "--param", "params['bg']=group.bias",
        "--param", "params['Wc']=Wc", "--param", "params['bc']=bc"]
HIER_JOINT = ["--as-written", "--data", F + "hier.npz",
              "--param", "params['W1']=hidden.weight.T", "--param", "params['b1']=hidden.bias",
              "--param", "params['Wg']=Wg", "--param", "params['bg']=bg",
              "--param", "params['Wc']=Wc", "--param", "params['bc']=bc"]


def _port(port, base):
    numpy, torch, rest = {"ordinal": ("ordinal_numpy.py:OrdinalNet", "OrdinalNet", ORD),
                          "multilabel": ("multilabel_numpy.py:MultiLabelNet", "MultiLabelNet", MLB),
                          "hier": ("hier_numpy.py:HierSoftmaxNet", "HierSoftmaxNet", HIER)}[base]
    return [F + numpy, "--torch", F + port + ":" + torch, *rest]


def _numpy(prog, base):
    cls, torch, rest = {"ordinal": ("OrdinalNet", "ordinal_torch.py:OrdinalNet", ORD),
                        "multilabel": ("MultiLabelNet", "multilabel_torch.py:MultiLabelNet", MLB),
                        "hier": ("HierSoftmaxNet", "hier_torch.py:HierSoftmaxNet", HIER)}[base]
    return [F + prog + ":" + cls, "--torch", F + torch, *rest]


CASES = [
    # ---------------------------------------------------------------- buggy ports
    {"id": "SY01", "side": "port",
     "args": _port("01_thresholdsoftplus_port.py", "ordinal"),
     "mechanism": "ordered thresholds built as cumsum(softplus(raw)): the softplus is applied to the first threshold too, which the NumPy program leaves free",
     "expected": ("softplus", "threshold", "first threshold", "cutpoint")},
    {"id": "SY02", "side": "port",
     "args": _port("02_adamw_port.py", "ordinal"),
     "mechanism": "torch.optim.AdamW in place of Adam: its default decoupled weight decay 0.01 shrinks every parameter",
     "expected": ("weight decay", "adamw", "decoupled", "decay")},
    {"id": "SY03", "side": "port",
     "args": _port("03_beta2_port.py", "ordinal"),
     "mechanism": "Adam's beta2 written 0.99 in the port instead of 0.999",
     "expected": ("beta2", "betas", "exp_avg_sq", "second moment", "0.99")},
    {"id": "SY04", "side": "port",
     "args": _port("04_weightswap_port.py", "multilabel"),
     "mechanism": "weight= and pos_weight= swapped in F.binary_cross_entropy_with_logits: the label weights weigh the positives and the positive weights weigh each label",
     "expected": ("pos_weight", "label weight", "swapped", "positive weight")},
    {"id": "SY05", "side": "port",
     "args": _port("05_labelsum_port.py", "multilabel"),
     "mechanism": "the per-label losses summed over the 5 labels and averaged over rows (reduction none, sum(1).mean()) instead of the mean over all N*L entries: every gradient 5 times larger",
     "expected": ("sum", "reduction", "mean", "factor 5", "number of labels")},
    {"id": "SY06", "side": "port",
     "args": _port("06_nodecay_port.py", "multilabel"),
     "mechanism": "weight_decay=1e-3 left out of torch.optim.SGD while the NumPy update adds 1e-3 * W to every gradient",
     "expected": ("weight decay", "weight_decay", "l2")},
    {"id": "SY07", "side": "port",
     "args": _port("07_leafindex_port.py", "hier"),
     "mechanism": "the leaf index within the group taken as y % G (3 groups) instead of y % C (4 leaves per group): the wrong leaf target",
     "expected": ("leaf", "modulo", "index", "target", "label")},
    {"id": "SY08", "side": "port",
     "args": _port("08_nozerograd_port.py", "hier"),
     "mechanism": "optimizer.zero_grad() missing from train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "accumulate")},
    # ---------------------------------------------------------------- buggy NumPy programs
    {"id": "SY09", "side": "numpy",
     "args": _numpy("09_cumsumdir_numpy.py", "ordinal"),
     "mechanism": "the gradient of the threshold increments taken as a forward cumulative sum of dtheta instead of the reverse cumulative sum (each increment feeds every later threshold)",
     "expected": ("cumsum", "cumulative sum", "reverse", "threshold", "raw")},
    {"id": "SY10", "side": "numpy",
     "args": _numpy("10_biascorr_numpy.py", "ordinal"),
     "mechanism": "Adam's second-moment bias correction left out: denom = sqrt(v) + eps instead of sqrt(v) / sqrt(1 - beta2^t) + eps",
     "expected": ("bias correction", "bias-correction", "second moment", "beta2")},
    {"id": "SY11", "side": "numpy",
     "args": _numpy("11_posweightgrad_numpy.py", "multilabel"),
     "mechanism": "the derivative of the pos_weight binary cross-entropy written sigmoid(z) - pw*y, dropping the factor (pw*y + 1 - y) on sigmoid(z)",
     "expected": ("pos_weight", "positive weight", "derivative", "W2.grad", "backward")},
    {"id": "SY12", "side": "numpy",
     "args": _numpy("12_momentumorder_numpy.py", "multilabel"),
     "mechanism": "the parameter stepped with the old velocity before the velocity is updated (update in the wrong order): each step lags one gradient, the first step does nothing",
     "expected": ("momentum", "velocity", "order", "stale", "before")},
    {"id": "SY13", "side": "numpy",
     "args": _numpy("13_relumask_numpy.py", "multilabel"),
     "mechanism": "the ReLU derivative left out of the backward pass: dpre = dh instead of dh * (pre > 0)",
     "expected": ("relu", "activation derivative", "mask", "derivative")},
    {"id": "SY14", "side": "numpy",
     "args": _numpy("14_leafbiasbroadcast_numpy.py", "hier"),
     "mechanism": "the leaf-bias gradient summed over all rows and broadcast to every group (dbc += dzc.sum(0)) instead of scattered to each row's own group",
     "expected": ("broadcast", "bc", "group", "scatter", "bias")},
    {"id": "SY15", "side": "numpy",
     "args": _numpy("15_tanhtwice_numpy.py", "hier"),
     "mechanism": "tanh derivative computed as 1 - tanh(h)^2 of the already-activated h instead of 1 - h^2",
     "expected": ("tanh", "activation derivative", "already-activated", "activated")},
    {"id": "SY16", "side": "numpy",
     "args": _numpy("16_leafmean_numpy.py", "hier"),
     "mechanism": "the leaf cross-entropy gradient not divided by the batch size N (the /N of the mean forgotten on the leaf branch only)",
     "expected": ("batch size", "mean", "sum", "divide", "1/n")},
    # ---------------------------------------------------------------- correct variants
    {"id": "SY17", "side": "correct",
     "args": [F + "17_ordinal_alt_numpy.py:OrdinalNet", "--torch", F + "ordinal_torch.py:OrdinalNet", *ORD],
     "mechanism": "correct: thresholds by a triangular matrix, one-hot masks in the backward, Adam with m_hat / v_hat",
     "expected": ()},
    {"id": "SY18", "side": "correct",
     "args": [F + "multilabel_numpy.py:MultiLabelNet", "--torch", F + "18_multilabel_raw_port.py:MultiLabelNet", *MLB_RAW],
     "mechanism": "correct: raw nn.Parameters in the NumPy layout, weighted BCE written with F.logsigmoid",
     "expected": ()},
    {"id": "SY19", "side": "correct",
     "args": [F + "hier_numpy.py:HierSoftmaxNet", "--torch", F + "19_hier_joint_port.py:HierSoftmaxNet", *HIER_JOINT],
     "mechanism": "correct: the joint log-probability of the 12 leaves and F.nll_loss",
     "expected": ()},
]
