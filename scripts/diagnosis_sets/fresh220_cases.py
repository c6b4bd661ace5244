"""Two hundred and twentieth fresh held-out set for the diagnosis: one planted bug per program in
fresh220/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is optimizers wrapped
around the step: sharpness-aware minimization (SAM: a perturbation rho*g/||g||, a second forward
and backward at the perturbed weights, the base update with that gradient from the restored
weights), Lookahead's slow and fast weights around AdamW, and gradient centralization before
SGD with momentum and weight decay.

The base programs (data from fresh220/make_data.py, fixed seed, nothing random while training):

    sam_numpy.py:SAMClassifier / sam_torch.py:SAMClassifier, sam.npz X (32, 6), y (32,) in {0, 1, 2}
        dense 6->16 tanh -> dense 16->3, softmax cross-entropy (mean); W kept (in, out) as
        attributes W1, b1, W2, b2. SAM with rho 0.05: g at w, e = rho g / (||g|| + 1e-12) with the
        global L2 norm over all parameters, g_sam at w + e, back to w, then SGD lr 0.1 momentum
        0.9 (v = mu v + g_sam; w -= lr v). The port is the usual SAM optimizer wrapper
        (first_step / second_step around torch.optim.SGD). net.grads is g_sam.
    la_numpy.py:LookaheadRegressor / la_torch.py:Regressor, la.npz X (32, 4), y (32, 2)
        dense 4->20 sigmoid -> dense 20->2, MSE (mean over all entries); params in a dict p,
        W kept (in, out). Inner AdamW as torch.optim.AdamW (lr 0.01, betas (0.9, 0.999), eps 1e-8,
        weight decay 0.01 decoupled); Lookahead k 5, alpha 0.6: every 5th step
        slow += alpha (fast - slow), fast = slow; slow weights start at the initial weights
        (the port copies them lazily on its first step). The port wraps torch.optim.AdamW in a
        hand-written Lookahead class.
    gc_numpy.py:GCRegressor / gc_torch.py:GCRegressor, gc.npz X (40, 8), y (40, 1)
        dense 8->12 ReLU -> 12->10 ReLU -> 10->1, MSE (mean); params in a dict, W kept (in, out).
        Gradient centralization on each weight gradient (mean over the fan-in removed per output
        unit; biases untouched), then SGD lr 0.05, momentum 0.9, weight decay 5e-3 coupled as
        torch.optim.SGD (added after the centralization). net.grads holds the centralised
        gradients, as the port's .grad after its in-place centralization.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh220_cases

Each case:
    id          short name (prefixed WL)
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

F = "scripts/diagnosis_sets/fresh220/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def sam(numpy="sam_numpy.py", port="sam_torch.py", cls="SAMClassifier"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":SAMClassifier",
            "--data", F + "sam.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias", *RUN]


def la(numpy="la_numpy.py", port="la_torch.py"):
    return [F + numpy + ":LookaheadRegressor", "--torch", F + port + ":Regressor",
            "--data", F + "la.npz", "--as-written",
            "--param", "p['W1']=hidden.weight.T",
            "--param", "p['b1']=hidden.bias",
            "--param", "p['W2']=out.weight.T",
            "--param", "p['b2']=out.bias", *RUN]


def gc(numpy="gc_numpy.py", port="gc_torch.py", cls="GCRegressor", layout=".T"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":GCRegressor",
            "--data", F + "gc.npz", "--as-written",
            "--param", f"params['W1']=layers.0.weight{layout}",
            "--param", "params['b1']=layers.0.bias",
            "--param", f"params['W2']=layers.1.weight{layout}",
            "--param", "params['b2']=layers.1.bias",
            "--param", f"params['W3']=layers.2.weight{layout}",
            "--param", "params['b3']=layers.2.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WL01", "side": "port", "args": sam(port="01_pertensornorm_port.py"),
     "mechanism": "SAM first_step scales each parameter's perturbation by its own gradient norm "
                  "(rho g_p / ||g_p||) instead of the global norm over all parameters",
     "expected": ("norm", "global", "per-parameter", "per-tensor", "perturbation")},
    {"id": "WL02", "side": "port", "args": sam(port="02_restoreafter_port.py"),
     "mechanism": "SAM second_step restores the saved weights after the base SGD step instead of "
                  "before it: the update is overwritten, the weights never move (the momentum grows)",
     "expected": ("restore", "order", "old_p", "second_step", "never")},
    {"id": "WL03", "side": "port", "args": sam(port="03_nozerograd_port.py"),
     "mechanism": "first_step() called without zero_grad=True: the second backward accumulates "
                  "onto the first gradient, so the update uses g(w) + g(w + e)",
     "expected": ("zero_grad", "accumulat", "first_step", "sum", "not zeroed")},
    {"id": "WL04", "side": "port", "args": la(port="04_nofastreset_port.py"),
     "mechanism": "Lookahead sync updates the slow weights but never copies them back into the "
                  "fast weights (the model's parameters are not reset every k steps)",
     "expected": ("reset", "fast", "slow", "copy", "lookahead")},
    {"id": "WL05", "side": "port", "args": la(port="05_synccounter_port.py"),
     "mechanism": "Lookahead step counter tested before it is incremented: synchronisation at "
                  "steps 1, 6, 11, 16 instead of 5, 10, 15, 20 (off by one)",
     "expected": ("off-by-one", "counter", "sync", "lookahead", "k")},
    {"id": "WL06", "side": "port", "args": la(port="06_coupledwd_port.py"),
     "mechanism": "inner optimizer torch.optim.Adam(weight_decay=0.01): L2 decay coupled into the "
                  "gradient (and the moments) where the NumPy AdamW decays the weights decoupled",
     "expected": ("weight decay", "decoupled", "coupled", "adamw", "l2")},
    {"id": "WL07", "side": "port", "args": gc(port="07_gcdim_port.py"),
     "mechanism": "gradient centralization subtracts the mean over dim 0 of the (out, in) weight "
                  "gradient (over output units) instead of over the fan-in (dim 1)",
     "expected": ("dim", "axis", "centraliz", "mean", "fan-in")},
    {"id": "WL08", "side": "port", "args": gc(port="08_gcbias_port.py"),
     "mechanism": "gradient centralization applied to every parameter with mean(dim=-1): the "
                  "bias gradients are centred too (the 1-unit output bias gradient becomes zero)",
     "expected": ("bias", "centraliz", "mean", "1-d", "dim=-1")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WL09", "side": "numpy", "args": sam(numpy="09_perturbsign_numpy.py"),
     "mechanism": "SAM perturbation subtracted (w - rho g/||g||, a descent step) instead of added: "
                  "the second gradient is taken at the wrong point",
     "expected": ("sign", "perturbation", "descent", "ascent", "minus")},
    {"id": "WL10", "side": "numpy", "args": sam(numpy="10_firstgrad_numpy.py"),
     "mechanism": "momentum update fed the first gradient g(w) instead of the SAM gradient "
                  "g(w + e) (which is still recorded in net.grads)",
     "expected": ("first gradient", "perturbed", "g_sam", "unperturbed", "sam gradient")},
    {"id": "WL11", "side": "numpy", "args": sam(numpy="11_stalecache_numpy.py"),
     "mechanism": "second backward run without a new forward pass: it uses the hidden activations "
                  "and probabilities cached at w with the perturbed W2",
     "expected": ("stale", "cache", "forward", "activations", "perturbed")},
    {"id": "WL12", "side": "numpy", "args": la(numpy="12_alphaswap_numpy.py"),
     "mechanism": "Lookahead interpolation weights swapped: slow += (1 - alpha)(fast - slow) "
                  "with alpha 0.6",
     "expected": ("alpha", "1 - alpha", "interpolation", "slow", "swapped")},
    {"id": "WL13", "side": "numpy", "args": la(numpy="13_statereset_numpy.py"),
     "mechanism": "at every Lookahead sync the inner AdamW state is reset (m, v zeroed and the "
                  "step count t back to 0) instead of carried on",
     "expected": ("reset", "state", "exp_avg", "step count", "bias correction")},
    {"id": "WL14", "side": "numpy", "args": la(numpy="14_epsinsqrt_numpy.py"),
     "mechanism": "AdamW denominator sqrt(v_hat + eps) (eps inside the square root) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "inside", "denominator")},
    {"id": "WL15", "side": "numpy", "args": gc(numpy="15_gcafterwd_numpy.py"),
     "mechanism": "gradient centralization moved inside the SGD update after the weight-decay "
                  "term (centralises g + wd w) instead of on the raw gradient before the decay",
     "expected": ("weight decay", "order", "centraliz", "before", "after")},
    {"id": "WL16", "side": "numpy", "args": gc(numpy="16_dampening_numpy.py"),
     "mechanism": "momentum buffer as a moving average, buf = mu buf + (1 - mu) d, where "
                  "torch.optim.SGD (dampening 0) adds d in full",
     "expected": ("dampening", "1 - momentum", "moving average", "ema", "momentum")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WL17", "side": "correct",
     "args": sam(numpy="sam_flat_numpy.py", cls="SAMFlatClassifier"),
     "mechanism": "correct: SAM with every parameter a view into one flat vector (perturb, restore "
                  "and momentum as vector operations), einsum forward and backward",
     "expected": ()},
    {"id": "WL18", "side": "correct", "args": la(port="la_fused_torch.py"),
     "mechanism": "correct: port with Lookahead and AdamW fused into one hand-written "
                  "torch.optim.Optimizer (slow weights in the per-parameter state, lerp_)",
     "expected": ()},
    {"id": "WL19", "side": "correct",
     "args": gc(numpy="gc_outin_numpy.py", cls="GCRegressorOutIn", layout=""),
     "mechanism": "correct: NumPy GC net with W kept (out, in), samples as columns, centralization "
                  "as the projection g @ (I - 11^T/fan_in), momentum buffer updated in place",
     "expected": ()},
]
