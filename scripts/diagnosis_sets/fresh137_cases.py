"""A hundred-and-thirty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh137/,
each a NumPy training program or its PyTorch port copied from a correct base with ONE small change.
The theme is sparse and margin-based output layers written by hand: sparsemax (the projection onto the
simplex, its threshold tau and support, its Jacobian-vector product in the backward), the multi-class
hinge losses (Weston-Watkins as torch.nn.functional.multi_margin_loss, its squared form, Crammer-Singer
with a margin), ports with a custom autograd Function, F.multi_margin_loss and hand-written torch code.

The base programs (fresh137/, data written by fresh137/make_data.py, seed 137):

    sparsemax_numpy.py:SparsemaxNet / sparsemax_torch.py:SparsemaxNet, data sparse.npz
        X (64, 6), y (64, 5) one-hot. h = tanh(X W1 + b1) (12 units), z = h W2 + b2, p = sparsemax(z)
        (sort descending, support size = largest k with 1 + k z_(k) > cumsum_k, tau = (cumsum_k(z) - 1) / k,
        p = max(z - tau, 0)), loss = 0.5 * mean over rows of sum_k (p - y)^2. The NumPy backward applies
        the sparsemax Jacobian s * (dp - <s, dp> / |S|); hand-written Adam (lr 0.01, torch defaults),
        state m, v. The port: nn.Linear layers, sparsemax as a torch.autograd.Function with the same
        forward and the Jacobian-vector product in its backward, torch.optim.Adam(lr=0.01).

    wwhinge_numpy.py:HingeMLP / wwhinge_torch.py:HingeMLP, data hinge.npz
        X (64, 6), y (64,) int64 in 0..3. h = relu(X W1 + b1) (16 units), s = h W2 + b2 (4 scores),
        loss = sum over rows and wrong classes of max(0, 1 - s_y + s_j)^2 / (N * C), i.e.
        F.multi_margin_loss(s, y, p=2, margin=1.0). Hand-written backward (2 * violation / (N C) on each
        wrong class, minus their row sum on the true class), SGD with momentum 0.9 and weight decay 5e-4 on
        every parameter, lr 0.05, velocity dict. The port: nn.Linear layers, F.multi_margin_loss,
        torch.optim.SGD(lr=0.05, momentum=0.9, weight_decay=5e-4).

    cssvm_numpy.py:CrammerSingerSVM / cssvm_torch.py:CrammerSingerSVM, data cs.npz
        X (64, 8), y (64,) int64 in 0..2. A linear multi-class SVM, s = X W + b, Crammer-Singer hinge
        mean_n max(0, 1 + max_{j != y} s_j - s_y) + 0.5 * 0.01 * ||W||^2 (bias not penalised); plain SGD
        written by hand with the step decay lr_t = 0.2 / (1 + 0.1 t), t = 0 at the first step. The port:
        nn.Linear, the hinge written in torch (gather the true score, masked_fill it to -inf, max over the
        rest), the penalty in the loss, and a hand-written update under torch.no_grad() with the same
        schedule (step count on the model), clearing each .grad after its update.

The correct variants: sparsemax_alt_numpy.py (weights kept (out, in), support counted against the running
threshold, Adam in torch's step-size form), wwhinge_alt_torch.py (nn.Parameter tensors in the NumPy layout,
the squared hinge written out in torch), cssvm_alt_torch.py (hinge through topk(2), the penalty as a function of the model,
two parameter groups, the schedule as LambdaLR).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh137_cases

Each case:
    id          short name (prefixed TG)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the held-out
                script adds --steps 20 --dtype float32 --device cpu where a case does not give them
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings, its measurements or its tests;
validated by exit status alone (each bug exits 1 and exits 0 once its marked line is fixed; each correct
program exits 0).
"""

F = "scripts/diagnosis_sets/fresh137/"

RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

SPARSE_NP = F + "sparsemax_numpy.py:SparsemaxNet"
SPARSE_PT = F + "sparsemax_torch.py:SparsemaxNet"
SPARSE = ["--data", F + "sparse.npz",
          "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
          "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"] + RUN

HINGE_NP = F + "wwhinge_numpy.py:HingeMLP"
HINGE_PT = F + "wwhinge_torch.py:HingeMLP"
HINGE = ["--data", F + "hinge.npz",
         "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
         "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"] + RUN

CS_NP = F + "cssvm_numpy.py:CrammerSingerSVM"
CS_PT = F + "cssvm_torch.py:CrammerSingerSVM"
CS = ["--data", F + "cs.npz", "--param", "W=fc.weight.T", "--param", "b=fc.bias"] + RUN


def port(file, cls, base_np, rest):
    return [base_np, "--torch", F + file + ":" + cls, *rest]


def numpy(file, cls, base_pt, rest):
    return [F + file + ":" + cls, "--torch", base_pt, *rest]


CASES = [
    # ------------------------------------------------------------------ ports (against the NumPy base)
    {"id": "TG01", "side": "port",
     "args": port("01_sortasc_port.py", "SparsemaxNet", SPARSE_NP, SPARSE),
     "mechanism": "sparsemax forward sorts ascending (torch.sort without descending=True), so the support size and tau are computed from the wrong order",
     "expected": ("sort", "descending", "ascending", "order")},
    {"id": "TG02", "side": "port",
     "args": port("02_jvp_port.py", "SparsemaxNet", SPARSE_NP, SPARSE),
     "mechanism": "custom autograd backward of sparsemax returns s * grad, dropping the subtraction of the support mean <s, g> / |S| from the Jacobian-vector product",
     "expected": ("jacobian", "support mean", "custom backward", "autograd.function", "projection")},
    {"id": "TG03", "side": "port",
     "args": port("03_meanall_port.py", "SparsemaxNet", SPARSE_NP, SPARSE),
     "mechanism": "the squared-error loss is a mean over all N*K elements instead of a sum over classes and mean over rows (loss and gradients 1/K as large)",
     "expected": ("reduction", "mean over all", "number of classes", "ratio", "scale")},
    {"id": "TG04", "side": "port",
     "args": port("04_hingepow_port.py", "HingeMLP", HINGE_NP, HINGE),
     "mechanism": "F.multi_margin_loss called without p=2: the plain hinge instead of the squared hinge",
     "expected": ("squared", "p=2", "power", "squared hinge")},
    {"id": "TG05", "side": "port",
     "args": port("05_nesterov_port.py", "HingeMLP", HINGE_NP, HINGE),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses heavy-ball momentum",
     "expected": ("nesterov", "look-ahead", "lookahead")},
    {"id": "TG06", "side": "port",
     "args": port("06_reluout_port.py", "HingeMLP", HINGE_NP, HINGE),
     "mechanism": "an extra ReLU on the output scores (F.relu around fc2) clips negative class scores before the hinge",
     "expected": ("relu", "output activation", "clamp", "clip", "extra activation")},
    {"id": "TG07", "side": "port",
     "args": port("07_nomask_port.py", "CrammerSingerSVM", CS_NP, CS),
     "mechanism": "the Crammer-Singer max is taken over all classes, the true class not masked out, so a correctly ranked row still pays the margin",
     "expected": ("mask", "true class", "correct class", "masked_fill", "exclude")},
    {"id": "TG08", "side": "port",
     "args": port("08_nozero_port.py", "CrammerSingerSVM", CS_NP, CS),
     "mechanism": "the hand-written torch update never clears p.grad, so gradients accumulate across steps",
     "expected": ("accumulat", "zero_grad", "zero the grad", "not cleared", "grad = none")},
    # ------------------------------------------------------------------ NumPy programs (against the port)
    {"id": "TG09", "side": "numpy",
     "args": numpy("09_tau_numpy.py", "SparsemaxNet", SPARSE_PT, SPARSE),
     "mechanism": "sparsemax threshold written cumsum_k / k - 1 instead of (cumsum_k - 1) / k (the 1 not divided by the support size)",
     "expected": ("threshold", "tau", "parenthes", "simplex", "sum to one")},
    {"id": "TG10", "side": "numpy",
     "args": numpy("10_jvpsize_numpy.py", "SparsemaxNet", SPARSE_PT, SPARSE),
     "mechanism": "sparsemax Jacobian-vector product divides <s, dp> by the number of classes K instead of the support size |S|",
     "expected": ("support size", "number of classes", "jacobian", "support")},
    {"id": "TG11", "side": "numpy",
     "args": numpy("11_vhat_numpy.py", "SparsemaxNet", SPARSE_PT, SPARSE),
     "mechanism": "Adam's second moment used without its bias correction (v_hat = v)",
     "expected": ("bias correction", "bias-correction", "second moment", "v_hat", "exp_avg_sq")},
    {"id": "TG12", "side": "numpy",
     "args": numpy("12_momorder_numpy.py", "HingeMLP", HINGE_PT, HINGE),
     "mechanism": "the momentum update applies the old velocity before updating it (update in the wrong order), so the first step moves nothing",
     "expected": ("order", "stale", "previous velocity", "before", "momentum_buffer")},
    {"id": "TG13", "side": "numpy",
     "args": numpy("13_factor2_numpy.py", "HingeMLP", HINGE_PT, HINGE),
     "mechanism": "the derivative of the squared hinge drops the factor 2 (ds = viol / (N C) instead of 2 viol / (N C))",
     "expected": ("factor 2", "factor of 2", "squared", "twice", "half")},
    {"id": "TG14", "side": "numpy",
     "args": numpy("14_biasdecay_numpy.py", "HingeMLP", HINGE_PT, HINGE),
     "mechanism": "weight decay applied to the weights only, not to the biases, where torch.optim.SGD(weight_decay=...) decays every parameter",
     "expected": ("weight decay", "weight_decay", "bias", "decay")},
    {"id": "TG15", "side": "numpy",
     "args": numpy("15_noreg_numpy.py", "CrammerSingerSVM", CS_PT, CS),
     "mechanism": "the L2 penalty's gradient lam * W left out of the weight gradient though the loss includes 0.5 * lam * ||W||^2",
     "expected": ("weight decay", "penalty", "regulari", "l2", "proportional to the parameter")},
    {"id": "TG16", "side": "numpy",
     "args": numpy("16_schedstep_numpy.py", "CrammerSingerSVM", CS_PT, CS),
     "mechanism": "the step counter is incremented before the learning rate is computed, so the decaying schedule runs one step ahead (lr0 / (1 + decay (t + 1)))",
     "expected": ("schedule", "off-by-one", "off by one", "one step ahead", "learning rate")},
    # ------------------------------------------------------------------ correct variants
    {"id": "TG17", "side": "correct",
     "args": [F + "sparsemax_alt_numpy.py:SparsemaxNet", "--torch", SPARSE_PT, "--data", F + "sparse.npz",
              "--param", "params['W1']=fc1.weight", "--param", "params['b1']=fc1.bias",
              "--param", "params['W2']=fc2.weight", "--param", "params['b2']=fc2.bias", *RUN],
     "mechanism": "correct: weights kept (out, in), support counted against the running threshold, Adam in torch's step-size form",
     "expected": ()},
    {"id": "TG18", "side": "correct",
     "args": [HINGE_NP, "--torch", F + "wwhinge_alt_torch.py:HingeMLP", "--data", F + "hinge.npz",
              "--param", "params['W1']=W1", "--param", "params['b1']=b1",
              "--param", "params['W2']=W2", "--param", "params['b2']=b2", *RUN],
     "mechanism": "correct: nn.Parameter tensors in the NumPy layout, the squared multi-class hinge written out in torch",
     "expected": ()},
    {"id": "TG19", "side": "correct",
     "args": [CS_NP, "--torch", F + "cssvm_alt_torch.py:CrammerSingerSVM", "--data", F + "cs.npz",
              "--param", "W=fc.weight.T", "--param", "b=fc.bias", *RUN],
     "mechanism": "correct: Crammer-Singer through topk(2), two parameter groups, the schedule as LambdaLR",
     "expected": ()},
]
