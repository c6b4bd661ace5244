"""One hundred and sixty-fourth fresh held-out set for the diagnosis: one planted bug per program in
fresh164/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is MLPs with normalisation
and regularisation written by hand: BatchNorm1d in training mode (batch mean, biased batch
variance, running statistics with momentum 0.1 read by an eval-mode forward), LayerNorm, dropout
with a fixed keep-mask supplied in the data (the last columns of X, inverted scaling), coupled L2
weight decay under SGD with Nesterov momentum, decoupled weight decay under AdamW; a regression
head (MSE) and a classification head (softmax cross-entropy).

The base programs (data from fresh164/make_data.py, fixed seed, nothing random while training):

    bn_numpy.py:BNRegressor / bn_torch.py:BNRegressor, bn.npz X (48, 6 + 24), y (48,) float
        the first 6 columns of X are features, the other 24 a 0/1 keep-mask (keep prob 0.75);
        dense 6->24 (W1 kept (in, out)); BatchNorm1d(24) in training mode (eps 1e-5, momentum 0.1,
        running_var from the unbiased batch variance); ReLU; dropout a * mask / (1 - 0.25);
        dense 24->1; loss mean((pred - y)^2). SGD lr 0.05, Nesterov momentum 0.9, weight decay
        5e-3 coupled as torch.optim.SGD (g + wd p into the velocity; p -= lr (g + mu v)).
        After each step both run an eval-mode forward (running statistics, no dropout) and keep
        the predictions (net.eval_out / model.eval_out, compared as the output).
    ln_numpy.py:LNClassifier / ln_torch.py:LNClassifier, ln.npz X (40, 8 + 32), y (40,) in {0..3}
        the first 8 columns are features, the other 32 a keep-mask (keep prob 0.8); dense 8->32;
        LayerNorm(32) (per row, biased variance, eps 1e-5, gain and shift); GELU (tanh
        approximation); dropout a * mask / 0.8; dense 32->4; softmax cross-entropy (mean).
        AdamW lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, decoupled weight decay 0.05
        on the two weight matrices only (two parameter groups).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh164_cases

Each case:
    id          short name (prefixed UH)
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

F = "scripts/diagnosis_sets/fresh164/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def bn(numpy="bn_numpy.py", port="bn_torch.py"):
    return [F + numpy + ":BNRegressor", "--torch", F + port + ":BNRegressor",
            "--data", F + "bn.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "gamma=bn.weight",
            "--param", "beta=bn.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias",
            "--output", "net.eval_out", "--torch-output", "model.eval_out", *RUN]


def bn_alt():
    return [F + "bn_alt_numpy.py:BNRegressorAlt", "--torch", F + "bn_torch.py:BNRegressor",
            "--data", F + "bn.npz", "--as-written",
            "--param", "fc1['W']=fc1.weight",
            "--param", "fc1['b']=fc1.bias",
            "--param", "bn['gamma']=bn.weight",
            "--param", "bn['beta']=bn.bias",
            "--param", "fc2['W']=fc2.weight",
            "--param", "fc2['b']=fc2.bias",
            "--output", "net.eval_out", "--torch-output", "model.eval_out", *RUN]


def ln(numpy="ln_numpy.py", port="ln_torch.py", gamma="ln.weight", beta="ln.bias"):
    return [F + numpy + ":LNClassifier", "--torch", F + port + ":LNClassifier",
            "--data", F + "ln.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", f"params['ln_g']={gamma}",
            "--param", f"params['ln_b']={beta}",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def ln_alt_port():
    return [F + "ln_numpy.py:LNClassifier", "--torch", F + "ln_alt_torch.py:LNClassifierAlt",
            "--data", F + "ln.npz", "--as-written",
            "--param", "params['W1']=proj.weight.T",
            "--param", "params['b1']=proj.bias",
            "--param", "params['ln_g']=norm_g",
            "--param", "params['ln_b']=norm_b",
            "--param", "params['W2']=head.weight.T",
            "--param", "params['b2']=head.bias", *RUN]


def ln_alt_numpy():
    return [F + "ln_alt_numpy.py:LNClassifierAlt", "--torch", F + "ln_torch.py:LNClassifier",
            "--data", F + "ln.npz", "--as-written",
            "--param", "W1=fc1.weight",
            "--param", "b1=fc1.bias",
            "--param", "g=ln.weight",
            "--param", "s=ln.bias",
            "--param", "W2=fc2.weight",
            "--param", "b2=fc2.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UH01", "side": "port", "args": bn(port="01_dropscale_port.py"),
     "mechanism": "inverted dropout scaled by 1 / p with p the drop probability (h * mask / 0.25) "
                  "instead of 1 / (1 - p) (keep probability 0.75)",
     "expected": ("dropout", "keep", "1 - p", "scale", "mask")},
    {"id": "UH02", "side": "port", "args": bn(port="02_l2penalty_port.py"),
     "mechanism": "weight decay moved into the loss as wd * sum(p^2) without the 1/2 (gradient "
                  "2 wd p, twice the coupled decay), SGD built without weight_decay",
     "expected": ("weight decay", "weight_decay", "l2", "penalty", "decay", "twice")},
    {"id": "UH03", "side": "port", "args": bn(port="03_nonesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9) without nesterov=True where the NumPy program "
                  "takes the Nesterov step p -= lr (g + mu v)",
     "expected": ("nesterov", "momentum")},
    {"id": "UH04", "side": "port", "args": bn(port="04_msebroadcast_port.py"),
     "mechanism": "forward returns (N, 1) and F.mse_loss(pred, y) with y (N,) broadcasts to "
                  "(N, N): the loss averages every pred_i - y_j pair",
     "expected": ("broadcast", "shape", "(n, n)", "squeeze", "mse")},
    {"id": "UH05", "side": "port", "args": bn(port="05_doubleforward_port.py"),
     "mechanism": "a second training-mode forward under no_grad after the step (a train R^2 "
                  "metric) updates the BatchNorm running statistics twice per step; eval "
                  "predictions differ",
     "expected": ("running", "twice", "batchnorm", "batch norm", "forward")},
    {"id": "UH06", "side": "port",
     "args": ln(port="06_unbiasedln_port.py", gamma="ln_weight", beta="ln_bias"),
     "mechanism": "hand-written layer norm in the port with z.var(dim=-1) (torch's default "
                  "unbiased variance, divide by H - 1) where LayerNorm uses the biased variance",
     "expected": ("unbiased", "biased", "bessel", "variance", "correction")},
    {"id": "UH07", "side": "port", "args": ln(port="07_decayall_port.py"),
     "mechanism": "AdamW(model.parameters(), weight_decay=0.05): biases and the layer-norm gain "
                  "and shift decayed too, where the NumPy program decays only W1 and W2",
     "expected": ("weight decay", "weight_decay", "decay", "bias", "no_decay")},
    {"id": "UH08", "side": "port", "args": ln(port="08_dropbeforeact_port.py"),
     "mechanism": "dropout mask and 1/keep scaling applied to the layer-norm output before GELU "
                  "instead of after it (GELU is not homogeneous, so the order matters)",
     "expected": ("dropout", "order", "before", "gelu", "activation")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UH09", "side": "numpy", "args": bn(numpy="09_runmomentum_numpy.py"),
     "mechanism": "running statistics updated with the momentum convention reversed "
                  "(running = 0.1 running + 0.9 batch, Keras style) where BatchNorm1d keeps 0.9 of "
                  "the old value; eval predictions differ",
     "expected": ("running", "momentum", "keras", "0.9", "convention")},
    {"id": "UH10", "side": "numpy", "args": bn(numpy="10_bnmeanterm_numpy.py"),
     "mechanism": "batch-norm backward without the mean term: dz1 = inv_std (dxhat - xhat "
                  "mean(dxhat xhat)), the - mean(dxhat) path through the batch mean left out",
     "expected": ("mean", "batch norm", "batchnorm", "missing term", "centering")},
    {"id": "UH11", "side": "numpy", "args": bn(numpy="11_stalenesterov_numpy.py"),
     "mechanism": "Nesterov step taken with the previous velocity (p -= lr (g + mu v_old), then "
                  "v = mu v + g): the look-ahead one step stale",
     "expected": ("nesterov", "velocity", "stale", "order", "previous")},
    {"id": "UH12", "side": "numpy", "args": bn(numpy="12_decayoutside_numpy.py"),
     "mechanism": "L2 weight decay added to the step after the momentum (p -= lr (g + mu v + "
                  "wd p)) instead of into the gradient before the velocity, as SGD couples it",
     "expected": ("weight decay", "decay", "momentum", "velocity", "coupled")},
    {"id": "UH13", "side": "numpy", "args": ln(numpy="13_lnaxis_numpy.py"),
     "mechanism": "layer-norm backward takes the mean of dzh over axis 0 (the batch) instead of "
                  "over each row's features (axis 1, keepdims)",
     "expected": ("axis", "layer norm", "layernorm", "mean", "row")},
    {"id": "UH14", "side": "numpy", "args": ln(numpy="14_coupleddecay_numpy.py"),
     "mechanism": "weight decay coupled into the Adam gradient (g + wd p through the moments, "
                  "Adam with L2) instead of AdamW's decoupled p *= 1 - lr wd",
     "expected": ("decoupled", "coupled", "adamw", "weight decay", "l2")},
    {"id": "UH15", "side": "numpy", "args": ln(numpy="15_dropgrad_numpy.py"),
     "mechanism": "dropout backward multiplies by the mask without the 1/keep (1/0.8) scaling "
                  "the forward applied: gradients below the dropout 0.8 times too small",
     "expected": ("dropout", "keep", "scale", "0.8", "mask")},
    {"id": "UH16", "side": "numpy", "args": ln(numpy="16_geluderiv_numpy.py"),
     "mechanism": "GELU (tanh) derivative with the inner derivative c (1 + 0.044715 x^2) instead "
                  "of c (1 + 3 * 0.044715 x^2): the factor 3 left out",
     "expected": ("gelu", "derivative", "activation", "0.044715", "tanh")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UH17", "side": "correct", "args": bn_alt(),
     "mechanism": "correct: layers as dicts, weights (out, in), einsum products, batch-norm "
                  "backward through dvar and dmean, Nesterov in place as (1 + mu) g + mu^2 v_old",
     "expected": ()},
    {"id": "UH18", "side": "correct", "args": ln_alt_port(),
     "mechanism": "correct: port with a hand-written layer norm (var(unbiased=False), own "
                  "Parameters), F.gelu, torch.where mask, log_softmax + nll_loss, groups by ndim",
     "expected": ()},
    {"id": "UH19", "side": "correct", "args": ln_alt_numpy(),
     "mechanism": "correct: NumPy classifier with weights (out, in) as attributes, logsumexp loss, "
                  "layer-norm backward via dvar/dmean, in-place AdamW in torch's arrangement",
     "expected": ()},
]
