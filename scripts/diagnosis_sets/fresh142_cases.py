"""One hundred forty-second fresh held-out set for the diagnosis: one planted bug per program in
fresh142/, and correct variants that must pass. The theme is optimizer parameter groups as
people port them: per-layer learning rates, weight decay on the weight matrices but not on the
biases or normalisation gains, momentum or Adam with different settings per group, a layer
frozen for the first steps and then trained, gradient clipping by global norm over one group
only. The NumPy programs keep their groups by hand; the ports use torch.optim with a list of
param-group dicts, or a hand-written per-group update.

Base programs (data from fresh142/make_data.py, fixed seed; nothing random during training):

    lw_numpy.py:LayerwiseMLP / lw_torch.py:LayerwiseMLP      (layerwise.npz, X (96, 6), y int64 3 classes)
        6 -> 16 -> 12 -> 3, tanh, tanh, softmax cross-entropy (mean). SGD with momentum 0.9 in
        torch's form, a learning rate per layer: base 0.2 at the output layer, halved per layer
        below it (layer-wise decay 0.5: 0.05, 0.1, 0.2). Weight decay 1e-3 (L2 added to the
        gradient) on W1, W2, W3 only. The first layer frozen for the first 5 steps, its momentum
        starting when it is unfrozen. Port: torch.optim.SGD over six groups (weight / bias per
        layer), fc1 frozen by requires_grad_(False) while steps_done < 5.
    ln_numpy.py:LNClassifier / ln_torch.py:LNClassifier      (lnorm.npz, X (64, 8), y int64 4 classes)
        8 -> 16 -> LayerNorm (gain gamma, shift beta, eps 1e-5) -> tanh -> 4, softmax
        cross-entropy (mean). AdamW in four groups: body W1 (lr 2e-2, betas 0.9/0.999, decay
        0.05), body b1/gamma/beta (same, no decay), head W2 (lr 5e-3, betas 0.8/0.99, decay
        0.05), head b2 (same, no decay). The body's gradients clipped together to global norm
        0.15 before each update, the head's not. Port: torch.optim.AdamW with four param-group
        dicts, clip_grad_norm_ over groups 0 and 1.
    gm_numpy.py:GroupedRegressor / gm_torch.py:GroupedRegressor  (grouped.npz, X (80, 5), y (80, 2))
        a learned per-feature input gain s, then 5 -> 12 sigmoid -> 2 linear, mean squared
        error over rows and outputs. SGD per group: gain s (lr 0.05, no momentum), weights
        W1, W2 (lr 0.1, Nesterov momentum 0.9, weight decay 1e-3), biases b1, b2 (lr 0.2,
        heavy-ball momentum 0.5). Port: a hand-written torch.optim.Optimizer subclass reading
        each group's lr, momentum, nesterov and weight_decay.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh142_cases

Each case:
    id          short name (prefixed TL)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20, --dtype float32 and --device cpu where not given
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or any other held-out set;
validated by exit status alone (each bug fails, its fixed copy passes, each correct program passes).
"""

F = "scripts/diagnosis_sets/fresh142/"

LN_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
             "--param", "params['gamma']=ln.weight", "--param", "params['beta']=ln.bias",
             "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]


def lw(numpy="lw_numpy.py", port="lw_torch.py"):
    return [F + numpy + ":LayerwiseMLP", "--torch", F + port + ":LayerwiseMLP", "--as-written",
            "--data", F + "layerwise.npz"]


def ln(numpy="ln_numpy.py", port="ln_torch.py", params=LN_PARAMS):
    return [F + numpy + ":LNClassifier", "--torch", F + port + ":LNClassifier", "--as-written",
            "--data", F + "lnorm.npz", *params]


def gm(numpy="gm_numpy.py", port="gm_torch.py"):
    return [F + numpy + ":GroupedRegressor", "--torch", F + port + ":GroupedRegressor", "--as-written",
            "--data", F + "grouped.npz"]


CASES = [
    # ------------------------------------------------------------------ ports
    {"id": "TL01", "side": "port", "args": lw(port="01_layer_decay_reversed_port.py"),
     "mechanism": "layer-wise rate decay reversed: LAYER_DECAY ** depth gives the first layer the full rate and the output layer the smallest",
     "expected": ("layer-wise", "per-layer", "reversed", "learning rate", "decay")},
    {"id": "TL02", "side": "port", "args": lw(port="02_bias_decay_port.py"),
     "mechanism": "the bias groups built with weight_decay=WEIGHT_DECAY instead of 0: the biases are decayed too",
     "expected": ("weight decay", "decay", "bias", "l2", "proportional to the parameter")},
    {"id": "TL03", "side": "port", "args": lw(port="03_unfreeze_late_port.py"),
     "mechanism": "unfreeze test steps_done > FREEZE_FIRST instead of >=: the first layer stays frozen one step too long (no update at step 6)",
     "expected": ("frozen", "freeze", "no update", "not updated", "requires_grad", "off by one")},
    {"id": "TL04", "side": "port", "args": ln(port="04_adam_not_adamw_port.py"),
     "mechanism": "torch.optim.Adam instead of AdamW: the groups' weight decay becomes an L2 term in the gradient, not decoupled",
     "expected": ("adamw", "decoupled", "weight decay", "l2", "coupled")},
    {"id": "TL05", "side": "port", "args": ln(port="05_clip_all_params_port.py"),
     "mechanism": "clip_grad_norm_ over model.parameters() instead of the body groups: the head is clipped too and the norm includes it",
     "expected": ("clip", "global norm", "norm", "all parameters")},
    {"id": "TL06", "side": "port", "args": ln(port="06_head_betas_default_port.py"),
     "mechanism": "the head weight's group lacks its betas: fc2.weight runs with the optimizer's default betas (0.9, 0.999) instead of (0.8, 0.99)",
     "expected": ("beta", "betas", "exp_avg", "moment", "param group")},
    {"id": "TL07", "side": "port", "args": gm(port="07_nesterov_dropped_port.py"),
     "mechanism": "hand-written update steps by the momentum buffer alone: the Nesterov look-ahead g + mu * buf of the weights group is dropped",
     "expected": ("nesterov", "look-ahead", "lookahead", "momentum")},
    {"id": "TL08", "side": "port", "args": gm(port="08_ema_buffer_port.py"),
     "mechanism": "momentum buffer updated as buf = mu * buf + (1 - mu) * g (dampening = momentum, an EMA) instead of buf = mu * buf + g",
     "expected": ("dampening", "ema", "moving average", "1 - mu", "(1 - momentum)")},
    # ------------------------------------------------------------------ numpy
    {"id": "TL09", "side": "numpy", "args": lw(numpy="09_freeze_velocity_numpy.py"),
     "mechanism": "the freeze check placed after the velocity update: the frozen layer's momentum accumulates during the freeze and is released when it is unfrozen",
     "expected": ("velocity", "momentum", "momentum_buffer", "frozen", "freeze")},
    {"id": "TL10", "side": "numpy", "args": lw(numpy="10_layer_decay_exponent_numpy.py"),
     "mechanism": "layer-wise decay exponent off by one (n_layers - l + 1): every layer's rate is layer_decay (0.5) times too small",
     "expected": ("learning rate", "layer-wise", "per-layer", "one factor", "off by one")},
    {"id": "TL11", "side": "numpy", "args": lw(numpy="11_tanh_deriv_activated_numpy.py"),
     "mechanism": "first layer's tanh derivative taken as 1 - tanh(h1)**2 of the already-activated value instead of 1 - h1**2",
     "expected": ("tanh", "derivative", "activation-derivative", "already-activated", "activated")},
    {"id": "TL12", "side": "numpy", "args": ln(numpy="12_no_v_correction_numpy.py"),
     "mechanism": "Adam's second-moment bias correction left out: denom = sqrt(v) + eps instead of sqrt(v / (1 - beta2**t)) + eps",
     "expected": ("bias correction", "bias-correction", "second moment", "exp_avg_sq", "beta2")},
    {"id": "TL13", "side": "numpy", "args": ln(numpy="13_ln_backward_term_numpy.py"),
     "mechanism": "LayerNorm backward misses the variance term - xhat * mean(dxhat * xhat): only the mean is subtracted",
     "expected": ("layernorm", "layer norm", "normalization", "normalisation", "variance")},
    {"id": "TL14", "side": "numpy", "args": ln(numpy="14_clip_per_tensor_numpy.py"),
     "mechanism": "each body gradient clipped to max_norm by its own norm instead of all of them by their global norm",
     "expected": ("clip", "global norm", "per-tensor", "per tensor", "norm")},
    {"id": "TL15", "side": "numpy", "args": gm(numpy="15_nesterov_order_numpy.py"),
     "mechanism": "the step computed from the velocity before it is updated: Nesterov g + mu * v_old and heavy-ball v_old, one step late",
     "expected": ("order", "momentum", "velocity", "nesterov", "before")},
    {"id": "TL16", "side": "numpy", "args": gm(numpy="16_gain_grad_input_numpy.py"),
     "mechanism": "the input gain's gradient forgets the factor X: ds = sum(dxs) instead of sum(dxs * X)",
     "expected": ("gain", "scale", "input", "missing factor", "forgot")},
    # ------------------------------------------------------------------ correct
    {"id": "TL17", "side": "correct",
     "args": lw(numpy="17_lw_layers_list_numpy.py") + [
         "--param", "layers[0]['W']=fc1.weight.T", "--param", "layers[0]['b']=fc1.bias",
         "--param", "layers[1]['W']=fc2.weight.T", "--param", "layers[1]['b']=fc2.bias",
         "--param", "layers[2]['W']=fc3.weight.T", "--param", "layers[2]['b']=fc3.bias"],
     "mechanism": "the layer-wise net written with a list of layer dicts, per-layer settings on each layer and the freeze by skipping backward into the frozen layer",
     "expected": ()},
    {"id": "TL18", "side": "correct",
     "args": ln(port="18_ln_plain_params_port.py",
               params=["--param", "params['W1']=W1", "--param", "params['b1']=b1",
                       "--param", "params['gamma']=gamma", "--param", "params['beta']=beta",
                       "--param", "params['W2']=W2", "--param", "params['b2']=b2"]),
     "mechanism": "the AdamW port with its own (in, out) parameters, F.layer_norm, groups built by filtering named_parameters on ndim, and the global norm clipped by hand",
     "expected": ()},
    {"id": "TL19", "side": "correct", "args": gm(port="19_gm_torch_sgd_port.py"),
     "mechanism": "the grouped-momentum port through torch.optim.SGD with per-group momentum, nesterov and weight_decay instead of a hand-written optimizer",
     "expected": ()},
]
