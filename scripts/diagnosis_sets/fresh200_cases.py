"""Two hundredth fresh held-out set for the diagnosis: one planted bug per program in fresh200/,
8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs (checked against
the correct port), and 3 correct variants. The theme is ordinal and survival regression heads:
a cumulative-link (CORAL) ordinal head with K-1 shared-weight binary logits and ordered biases,
BCE over the cumulative targets, and a discrete-time survival head with hazards through a sigmoid
and a likelihood over censored rows (censoring indicator in the data); small MLP trunks; SGD with
weight decay or Adam written by hand.

The base programs (data from fresh200/make_data.py, fixed seed, nothing random while training):

    coral_numpy.py:CoralNet / coral_torch.py:CoralNet, coral.npz X (48, 6), y (48,) levels 0..4
        dense 6->16 (W1 kept (in, out)), tanh; shared score h @ w (w kept (16, 1), torch
        score = Linear(16, 1, bias=False)); logits = score + b, b the K-1 = 4 ordered thresholds
        (init linspace(1.5, -1.5)); targets T[n, k] = [y_n > k]; BCE-with-logits summed over the
        4 tasks, mean over rows. SGD lr 0.05, momentum 0.9, weight decay 5e-3 coupled as
        torch.optim.SGD (g + wd p into the velocity), on every parameter.
    surv_numpy.py:SurvNet / surv_torch.py:SurvNet, surv.npz X (40, 5), y (40, 2) = (bin t, event)
        dense 5->12 ReLU, dense 12->6 hazard logits (W kept (in, out)); row n at risk in bins
        j <= t; target 1 at j = t for an event, 0 elsewhere (a censored row survived bin t);
        masked BCE-with-logits summed, divided by the number of rows. Adam lr 0.01, betas
        (0.9, 0.999), eps 1e-8 outside the square root, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh200_cases

Each case:
    id          short name (prefixed VR)
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

F = "scripts/diagnosis_sets/fresh200/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def coral(numpy="coral_numpy.py", port="coral_torch.py"):
    return [F + numpy + ":CoralNet", "--torch", F + port + ":CoralNet",
            "--data", F + "coral.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['w']=score.weight.T",
            "--param", "params['b']=thresholds", *RUN]


def coral_alt():
    return [F + "coral_alt_numpy.py:CoralAltNet", "--torch", F + "coral_torch.py:CoralNet",
            "--data", F + "coral.npz", "--as-written",
            "--param", "params['W1']=fc1.weight",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['w']=score.weight.reshape(16)",
            "--param", "params['b']=thresholds", *RUN]


def surv(numpy="surv_numpy.py", port="surv_torch.py"):
    return [F + numpy + ":SurvNet", "--torch", F + port + ":SurvNet",
            "--data", F + "surv.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=hazard.weight.T",
            "--param", "b2=hazard.bias", *RUN]


def surv_seq():
    return [F + "surv_numpy.py:SurvNet", "--torch", F + "surv_alt_torch.py:SurvSeq",
            "--data", F + "surv.npz", "--as-written",
            "--param", "W1=net.0.weight.T",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight.T",
            "--param", "b2=net.2.bias", *RUN]


def surv_loop():
    return [F + "surv_loop_numpy.py:SurvLoopNet", "--torch", F + "surv_torch.py:SurvNet",
            "--data", F + "surv.npz", "--as-written",
            "--param", "layers[0]['W']=hidden.weight.T",
            "--param", "layers[0]['b']=hidden.bias",
            "--param", "layers[1]['W']=hazard.weight.T",
            "--param", "layers[1]['b']=hazard.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VR01", "side": "port", "args": coral(port="01_levelshift_port.py"),
     "mechanism": "cumulative targets built as [y > k + 1] (torch.arange(1, K) instead of "
                  "arange(K - 1)): every ordinal target shifted by one level",
     "expected": ("target", "off-by-one", "level", "threshold", "label")},
    {"id": "VR02", "side": "port", "args": coral(port="02_meanreduce_port.py"),
     "mechanism": "BCE with reduction='mean' over all N*(K-1) entries instead of summing the "
                  "K-1 tasks and averaging over rows: loss and gradients 4 times too small",
     "expected": ("mean", "sum", "reduction", "4", "ratio")},
    {"id": "VR03", "side": "port", "args": coral(port="03_nodecaybias_port.py"),
     "mechanism": "weight decay put only on the '.weight' parameters (param groups with "
                  "weight_decay=0 for fc1.bias and thresholds); the NumPy SGD decays every parameter",
     "expected": ("weight decay", "weight_decay", "decay", "bias", "thresholds")},
    {"id": "VR04", "side": "port", "args": surv(port="04_censoredbin_port.py"),
     "mechanism": "censored rows masked to bins j < t (the censoring bin left out of the "
                  "likelihood); the NumPy program counts a censored row as surviving bin t",
     "expected": ("censor", "mask", "at risk", "bin", "off-by-one")},
    {"id": "VR05", "side": "port", "args": surv(port="05_atriskmean_port.py"),
     "mechanism": "masked loss divided by the number of at-risk cells (at_risk.sum()) instead of "
                  "the number of rows",
     "expected": ("mean", "normaliz", "normalis", "reduction", "at risk", "mask")},
    {"id": "VR06", "side": "port", "args": surv(port="06_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "VR07", "side": "port", "args": surv(port="07_log1p_port.py"),
     "mechanism": "survival term written as log1p(h) instead of log1p(-h): log(1 + hazard) for the "
                  "bins survived, wrong sign of the hazard",
     "expected": ("log1p", "sign", "survival", "log(1", "hazard")},
    {"id": "VR08", "side": "port", "args": coral(port="08_detachtrunk_port.py"),
     "mechanism": "trunk features detached before the shared score (self.score(h.detach())): "
                  "fc1 gets no gradient, only weight decay moves it",
     "expected": ("detach", "no gradient", "fc1", "W1", "graph")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VR09", "side": "numpy", "args": coral(numpy="09_tanhgrad_numpy.py"),
     "mechanism": "tanh derivative written as (1 - h) instead of (1 - h**2) in the trunk backward",
     "expected": ("tanh", "derivative", "W1", "b1", "1 - h")},
    {"id": "VR10", "side": "numpy", "args": coral(numpy="10_sharedmean_numpy.py"),
     "mechanism": "shared-weight gradient takes the mean over the K-1 task logits instead of the "
                  "sum (dw = h.T @ dz.mean(1)): w's gradient 4 times too small, the rest right",
     "expected": ("mean", "sum", "shared", "w", "4")},
    {"id": "VR11", "side": "numpy", "args": coral(numpy="11_decoupledwd_numpy.py"),
     "mechanism": "weight decay applied decoupled (p -= lr wd p outside the momentum buffer) "
                  "instead of coupled into the gradient as torch.optim.SGD",
     "expected": ("weight decay", "decoupled", "coupled", "decay", "momentum")},
    {"id": "VR12", "side": "numpy", "args": coral(numpy="12_backscale_numpy.py"),
     "mechanism": "backward divides the logit gradient by N*(K-1) while the loss divides by N: "
                  "every gradient 4 times too small",
     "expected": ("gradient", "scale", "4", "mean", "backward")},
    {"id": "VR13", "side": "numpy", "args": surv(numpy="13_stept_numpy.py"),
     "mechanism": "Adam step counter never incremented (t = self.t + 1 local, self.t stays 0): "
                  "bias correction stuck at step 1",
     "expected": ("bias correction", "step", "counter", "t", "bias-correct")},
    {"id": "VR14", "side": "numpy", "args": surv(numpy="14_relumask_numpy.py"),
     "mechanism": "ReLU backward masked with (h1 >= 0), always true, instead of (a1 > 0): the "
                  "gradient flows through inactive units",
     "expected": ("relu", "derivative", "mask", "W1", "b1")},
    {"id": "VR15", "side": "numpy", "args": surv(numpy="15_gradmask_numpy.py"),
     "mechanism": "at-risk mask left out of the hazard-logit gradient (dz = (sigmoid(z) - target)/N "
                  "over every bin) while the loss is masked",
     "expected": ("mask", "at risk", "censor", "gradient", "b2")},
    {"id": "VR16", "side": "numpy", "args": surv(numpy="16_beta2const_numpy.py"),
     "mechanism": "Adam second moment updated with (1 - beta1) g^2 instead of (1 - beta2) g^2",
     "expected": ("beta2", "second moment", "beta1", "exp_avg_sq", "v")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VR17", "side": "correct", "args": coral_alt(),
     "mechanism": "correct: CORAL net with W1 kept (out, in), einsum products, the loss through "
                  "log-sigmoids, w kept as a vector, in-place momentum and decay updates",
     "expected": ()},
    {"id": "VR18", "side": "correct", "args": surv_seq(),
     "mechanism": "correct: port as nn.Sequential with the log-likelihood written by hand "
                  "(logsigmoid, gather of the last bin, masked sum of the bins before it)",
     "expected": ()},
    {"id": "VR19", "side": "correct", "args": surv_loop(),
     "mechanism": "correct: NumPy survival net accumulating the likelihood and its gradient row by "
                  "row over the at-risk bins, layers as a list of dicts, Adam in place",
     "expected": ()},
]
