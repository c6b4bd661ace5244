"""One hundred and fortieth fresh held-out set of the diagnosis: one planted bug per program in fresh140/,
8 in PyTorch ports (each checked against its correct NumPy program) and 8 in NumPy programs (each
checked against its correct port), and 3 correct programs written another way. The theme is pooling
layers written by hand over sets or sequences of feature vectors: attention pooling with a learned
query, generalized-mean (GeM) pooling with a learnable exponent, log-sum-exp pooling with a
temperature, max-over-time pooling with its argmax routing, masked pooling over padded items.

The base programs (data from fresh140/make_data.py, fixed seed; the masks are the data's last channel):

    attnpool_numpy.py:AttnPool / attnpool_torch.py:AttnPool   (attnpool.npz: X (64, 8, 7), y (64,) int64)
        h = tanh(x @ Wv + bv) per item (H = 10); scores s = (h . q) / sqrt(H) against a learned
        query q; a masked softmax over the real items (padding at -inf); pool = sum_t a_t h_t;
        logits = pool @ Wo + bo (3 classes); mean cross-entropy; Adam (lr 0.01, betas 0.9, 0.999,
        eps 1e-8). NumPy: hand-written backward through the weighted sum, the softmax and tanh,
        hand-written Adam (m, v, t). Port: nn.Linear enc/out, nn.Parameter q, masked_fill,
        F.cross_entropy, torch.optim.Adam.
    gem_numpy.py:GeMNet / gem_torch.py:GeMNet                 (gem.npz: X (64, 6, 5), y (64, 1))
        h = softplus(x @ W1 + b1) per item (H = 8), clamped at 1e-6; GeM pooling
        g = (mean_t h_t ** p) ** (1 / p) with p a learned 0-d scalar (starts at 3);
        yhat = g @ W2 + b2; mean squared error; SGD with momentum 0.9, lr 0.05. NumPy: hand-written
        derivatives of GeM in h and in p, velocity dict. Port: nn.Linear enc/head, nn.Parameter p,
        F.mse_loss, torch.optim.SGD(momentum=0.9).
    maxlse_numpy.py:MaxLSEPool / maxlse_torch.py:MaxLSEPool   (maxlse.npz: X (64, 10, 6), y (64, 3) in {0, 1})
        h = tanh(x @ W1 + b1) per step (H = 6); over the real steps only: max-over-time (backward
        routed to the argmax step) and log-sum-exp pooling (log(sum exp(r h)) - log n) / r with
        temperature r = 4 and n the real steps; concatenated (2H), logits = f @ Wo + bo (3 labels);
        mean binary cross-entropy with logits; SGD lr 0.1 with weight decay 0.01 on every
        parameter. Port: masked_fill, max(dim=1), torch.logsumexp, F.binary_cross_entropy_with_logits,
        torch.optim.SGD(weight_decay=0.01).

Correct variants: attnpool_v2_numpy.py (softmax backward through its Jacobian, Adam with the folded
step size), gem_v2_torch.py (plain parameters in the NumPy layout, GeM in the log domain, momentum
written by hand), maxlse_v2_numpy.py (weights kept (out, in), max routed by an equality mask, LSE
through an explicit softmax).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh140_cases

Each case:
    id          short name (prefixed TJ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the runner
                adds --steps 20 --dtype float32 --device cpu --quiet --json
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or its tests; validated by exit status alone.
"""

F = "scripts/diagnosis_sets/fresh140/"

ATTN_PARAMS = ["--param", "params['Wv']=enc.weight.T", "--param", "params['bv']=enc.bias",
               "--param", "params['q']=q", "--param", "params['Wo']=out.weight.T",
               "--param", "params['bo']=out.bias"]
GEM_PARAMS = ["--param", "params['W1']=enc.weight.T", "--param", "params['b1']=enc.bias",
              "--param", "params['p']=p", "--param", "params['W2']=head.weight.T",
              "--param", "params['b2']=head.bias"]
MAXLSE_PARAMS = ["--param", "params['W1']=enc.weight.T", "--param", "params['b1']=enc.bias",
                 "--param", "params['Wo']=out.weight.T", "--param", "params['bo']=out.bias"]


def attn(numpy="attnpool_numpy.py", port="attnpool_torch.py"):
    return [F + numpy + ":AttnPool", "--torch", F + port + ":AttnPool", "--as-written",
            "--data", F + "attnpool.npz", *ATTN_PARAMS]


def gem(numpy="gem_numpy.py", port="gem_torch.py"):
    return [F + numpy + ":GeMNet", "--torch", F + port + ":GeMNet", "--as-written",
            "--data", F + "gem.npz", *GEM_PARAMS]


def maxlse(numpy="maxlse_numpy.py", port="maxlse_torch.py"):
    return [F + numpy + ":MaxLSEPool", "--torch", F + port + ":MaxLSEPool", "--as-written",
            "--data", F + "maxlse.npz", *MAXLSE_PARAMS]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports
    {"id": "TJ01", "side": "port", "args": attn(port="01_softmaxdim_port.py"),
     "mechanism": "attention softmax taken over dim=0 (across the batch) instead of dim=1 (over the items of each set)",
     "expected": ("axis", "dim", "softmax", "batch")},
    {"id": "TJ02", "side": "port", "args": attn(port="02_maskafter_port.py"),
     "mechanism": "padding mask applied by multiplying the softmax weights after the softmax, so the weights over the real items no longer sum to one (not renormalized)",
     "expected": ("mask", "padding", "normaliz", "renormaliz")},
    {"id": "TJ03", "side": "port", "args": attn(port="03_betas_port.py"),
     "mechanism": "torch.optim.Adam built with betas=(0.9, 0.99) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "beta", "exp_avg_sq", "second moment")},
    {"id": "TJ04", "side": "port", "args": gem(port="04_pitem_port.py"),
     "mechanism": "GeM outer root written pow(1.0 / self.p.item()): the exponent is detached, so p gets no gradient through the 1/p root",
     "expected": ("detach", "item", "exponent", "p.grad")},
    {"id": "TJ05", "side": "port", "args": gem(port="05_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov",)},
    {"id": "TJ06", "side": "port", "args": maxlse(port="06_maxnomask_port.py"),
     "mechanism": "max-over-time taken over the unmasked encodings, so padded steps (tanh(b1)) can win the max",
     "expected": ("mask", "padding", "padded")},
    {"id": "TJ07", "side": "port", "args": maxlse(port="07_lselogn_port.py"),
     "mechanism": "log-sum-exp pooling without the - log(n) term: a log-sum instead of a log-mean of exp, an offset log(n)/r per set",
     "expected": ("log(n)", "log n", "offset", "count", "mean")},
    {"id": "TJ08", "side": "port", "args": maxlse(port="08_decaygroups_port.py"),
     "mechanism": "weight decay put only on the weights through parameter groups (biases get weight_decay 0) where the NumPy program decays every parameter",
     "expected": ("weight decay", "weight_decay", "bias", "param group")},
    # ---------------------------------------------------------------- NumPy programs
    {"id": "TJ09", "side": "numpy", "args": attn(numpy="09_softmaxback_numpy.py"),
     "mechanism": "softmax backward written ds = a * da, the - sum(a * da) term of the Jacobian left out",
     "expected": ("softmax", "jacobian", "sum(a", "attention")},
    {"id": "TJ10", "side": "numpy", "args": attn(numpy="10_scaleback_numpy.py"),
     "mechanism": "1/sqrt(H) score scale left out of the score gradient flowing back into the item encodings h (kept for q)",
     "expected": ("scale", "sqrt", "1/sqrt", "factor")},
    {"id": "TJ11", "side": "numpy", "args": gem(numpy="11_dpterm_numpy.py"),
     "mechanism": "GeM gradient in p without the -log(M)/p**2 term from the outer 1/p root (only the inner mean term kept)",
     "expected": ("exponent", "log(m)", "p.grad", "p**2", "gem")},
    {"id": "TJ12", "side": "numpy", "args": gem(numpy="12_momorder_numpy.py"),
     "mechanism": "momentum update in the wrong order: the weights step with the previous velocity before it takes this step's gradient (no update at step 1, one step late)",
     "expected": ("order", "velocity", "stale", "previous", "one step late")},
    {"id": "TJ13", "side": "numpy", "args": gem(numpy="13_softplusder_numpy.py"),
     "mechanism": "softplus derivative taken as sigmoid of the activated value h instead of sigmoid of the pre-activation z",
     "expected": ("softplus", "derivative", "activated", "pre-activation", "sigmoid")},
    {"id": "TJ14", "side": "numpy", "args": maxlse(numpy="14_tempback_numpy.py"),
     "mechanism": "log-sum-exp pooling backward multiplied by the temperature r: the inner r of exp(r h) kept, its cancelling 1/r forgotten",
     "expected": ("temperature", "factor", "log-sum-exp", "lse")},
    {"id": "TJ15", "side": "numpy", "args": maxlse(numpy="15_overwrite_numpy.py"),
     "mechanism": "max-pooling gradient assigned (=) into dh at the argmax step, overwriting the log-sum-exp gradient there instead of adding to it (+=)",
     "expected": ("overwrit", "accumulat", "argmax", "max-over-time", "+=")},
    {"id": "TJ16", "side": "numpy", "args": maxlse(numpy="16_padcount_numpy.py"),
     "mechanism": "log-sum-exp mean divides by the padded length T (log T) instead of each sequence's count of real steps",
     "expected": ("mask", "padding", "padded", "length", "count")},
    # ---------------------------------------------------------------- correct programs
    {"id": "TJ17", "side": "correct", "args": attn(numpy="attnpool_v2_numpy.py"),
     "mechanism": "correct: softmax backward through the per-set Jacobian, Adam with the folded step size",
     "expected": ()},
    {"id": "TJ18", "side": "correct",
     "args": [F + "gem_numpy.py:GeMNet", "--torch", F + "gem_v2_torch.py:GeMNet", "--as-written",
              "--data", F + "gem.npz", "--param", "params['W1']=W1", "--param", "params['b1']=b1",
              "--param", "params['p']=p", "--param", "params['W2']=W2", "--param", "params['b2']=b2"],
     "mechanism": "correct: plain parameters in the NumPy layout, GeM in the log domain, momentum written by hand",
     "expected": ()},
    {"id": "TJ19", "side": "correct",
     "args": [F + "maxlse_v2_numpy.py:MaxLSEPool", "--torch", F + "maxlse_torch.py:MaxLSEPool", "--as-written",
              "--data", F + "maxlse.npz", "--param", "params['W1']=enc.weight", "--param", "params['b1']=enc.bias",
              "--param", "params['Wo']=out.weight", "--param", "params['bo']=out.bias"],
     "mechanism": "correct: weights kept (out, in), max routed by an equality mask, LSE through an explicit softmax",
     "expected": ()},
]
