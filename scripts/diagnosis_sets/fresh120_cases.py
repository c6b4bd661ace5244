"""Hundred-and-twentieth fresh held-out set for the diagnosis: one planted bug per program in fresh120/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is regularisation written by hand into a small MLP. A four-class ReLU classifier with
inverted dropout whose keep masks are fixed as data (dropout_masks.npz, kept units scaled by
1 / KEEP), label-smoothed cross entropy, an L2 penalty on the weights in the loss, Nesterov SGD
and a max-norm constraint on each hidden unit's incoming weights applied after every update,
trained in batches of 16; a tanh regressor trained on mixup batches whose per-row mixing weights
and partner rows are fixed as data (mixup.npz), the mean squared error on the mixed targets plus
an L1 penalty on the first layer, global-norm gradient clipping and AdamW (decoupled decay) under
a cosine schedule with warm restarts (T_0 = 3, T_mult = 2); and a leaky-ReLU binary classifier
(BCE on the logit) whose gradients receive annealed noise fixed as data (grad_noise.npz,
sigma_t^2 = eta / (1 + t)^0.55), trained by SGD with momentum, dampening and L2 weight decay in
the gradient, its weights (not its biases) clipped to [-0.5, 0.5] after each update, and an
exponential moving average of the parameters kept beside them, whose predictions on the batch
(ema_prob) are compared as the output. fresh120/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh120_cases

Each case:
    id          short name (prefixed SP)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment; for a
line moved, the comment says where it belongs) to pass (exit 0) under the same arguments; each
correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh120/"

CLASSES, REGRESSION, BINARY = F + "classes.npz", F + "regression.npz", F + "binary.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LINEAR_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                       "params['b2']=fc2.bias")
DO = ("--data", CLASSES, "--batch-size", "16")
DO_ROWS_PARAMS = params("params['fc1_w']=fc1.weight", "params['fc1_b']=fc1.bias", "params['fc2_w']=fc2.weight",
                        "params['fc2_b']=fc2.bias")
MX = ("--data", REGRESSION)
MX_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
NZ = ("--data", BINARY, "--output", "net.ema_prob", "--torch-output", "model.ema_prob")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SP01_dropout_random_mask", side="port",
         args=pair("dropout_numpy.py", "DropoutNet", "01_dropout_random_mask_port.py", "DropoutNet", *DO,
                   *LINEAR_PARAMS),
         mechanism="pair: the port's forward applies F.dropout(h, p=1 - KEEP, training=True), torch's own "
                   "random mask, instead of the stored keep mask of the step (h * keep / KEEP): the scaling is "
                   "the same but a different set of hidden units is dropped, so the logits, the loss and every "
                   "gradient differ from the first step (and change from run to run)",
         expected=("dropout", "mask", "keep mask", "random", "rng", "f.dropout", "nn.dropout", "stored mask",
                   "fixed mask", "different units", "forward", "hidden", "nondetermin", "seed",
                   "stochastic")),
    dict(id="SP02_maxnorm_wrong_dim", side="port",
         args=pair("dropout_numpy.py", "DropoutNet", "02_maxnorm_dim_port.py", "DropoutNet", *DO, *LINEAR_PARAMS),
         mechanism="pair: the max-norm constraint is fc1.weight.renorm_(2, 1, MAX_NORM), dim=1, instead of dim=0: "
                   "it caps the norm of each input feature's column of the (out, in) weight rather than each "
                   "hidden unit's row of incoming weights, so after the update W1 is rescaled along the wrong "
                   "axis (many input columns over 1.5 are shrunk, the unit rows over it are not); the "
                   "gradients agree, W1 after the step differs",
         expected=("max-norm", "max norm", "renorm", "dim", "axis", "row", "column", "norm", "constraint",
                   "transpose", "per unit", "incoming weights", "rescale", "after the update", "w1")),
    dict(id="SP03_mixup_target_broadcast", side="port",
         args=pair("mixup_numpy.py", "MixupRegressor", "03_mixup_target_shape_port.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: F.mse_loss(model(Xm), ym) compares the (n, 1) prediction with the 1-D (n,) mixed "
                   "target without unsqueeze(1): broadcasting makes an (n, n) table of every prediction against "
                   "every target and averages it, so the loss is far too large and the gradients pull every "
                   "row toward the mean target; all gradients differ from step 1",
         expected=("broadcast", "shape", "(n, 1)", "(n,)", "unsqueeze", "reshape", "target shape", "mse_loss",
                   "n x n", "outer", "every pair", "mean target", "dimension", "squeeze", "size mismatch")),
    dict(id="SP04_scheduler_before_step", side="port",
         args=pair("mixup_numpy.py", "MixupRegressor", "04_restart_sched_order_port.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: scheduler.step() is called before optimizer.step(), so every update uses the learning "
                   "rate of the next scheduler count: update 1 uses the cosine value at count 1 (0.00775) instead "
                   "of the full LR 0.01, and the warm restarts arrive one update early; gradients and moments "
                   "agree, every update differs by the ratio of two schedule values",
         expected=("scheduler", "schedule", "scheduler.step", "order", "before optimizer.step", "one step ahead",
                   "off by one", "off-by-one", "learning rate", "cosine", "warm restart", "restart",
                   "cosineannealingwarmrestarts", "lr", "ratio")),
    dict(id="SP05_adam_l2_not_adamw", side="port",
         args=pair("mixup_numpy.py", "MixupRegressor", "05_adam_l2_port.py", "MixupRegressor", *MX, *LINEAR_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay WD * p is "
                   "added to the gradient and goes through the adaptive moments (L2 regularisation) instead of "
                   "shrinking the weights by (1 - lr * WD) outside them; the moments and every update differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled",
                   "in the gradient", "exp_avg", "moments", "1 - lr * wd", "proportional to the parameter",
                   "decay", "optimizer", "regulariz")),
    dict(id="SP06_mixup_target_weights_swapped", side="port",
         args=pair("mixup_numpy.py", "MixupRegressor", "06_mixup_target_swap_port.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: the mixed target is lam * y[perm] + (1 - lam) * y, the weights swapped relative to the "
                   "inputs (lam * x + (1 - lam) * x[perm]): each mixed input is trained toward the target mixed "
                   "the other way round, so the loss and all gradients differ from step 1 (the forward output "
                   "agrees)",
         expected=("mixup", "mix", "lam", "lambda", "target", "label", "swapped", "partner", "perm",
                   "mixing weight", "1 - lam", "y[perm]", "loss", "mixed target", "interpolat")),
    dict(id="SP07_ema_before_step", side="port",
         args=pair("noisy_numpy.py", "NoisyBCENet", "07_ema_before_step_port.py", "NoisyBCENet", *NZ,
                   *LINEAR_PARAMS),
         mechanism="pair: the exponential moving average is updated before optimizer.step() (and the clipping), "
                   "so it averages in the weights of the previous step instead of the new ones: the average lags "
                   "one update behind and the averaged model's output (ema_prob) differs from step 1; the "
                   "gradients, the updates and the trained weights agree",
         expected=("ema", "moving average", "exponential moving average", "average", "before", "after",
                   "optimizer.step", "order", "lag", "one step behind", "stale", "previous weights", "shadow",
                   "output", "decay")),
    dict(id="SP08_clip_biases_too", side="port",
         args=pair("noisy_numpy.py", "NoisyBCENet", "08_clip_biases_port.py", "NoisyBCENet", *NZ, *LINEAR_PARAMS),
         mechanism="pair: the weight clipping clamps every model.parameters() to [-0.5, 0.5], the biases "
                   "included, where the NumPy program clips only the two weights: the output bias (log-odds "
                   "about -0.85, drifting to -1) is clamped to -0.5 after every update, so b2 after each step "
                   "differs (and with it the averaged model's output); the gradients agree",
         expected=("clip", "clipping", "clamp", "weight clipping", "bias", "biases", "b2", "all parameters",
                   "model.parameters()", "-0.5", "bound", "constraint", "after the update", "only weights",
                   "saturat")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SP09_dropout_drop_rate_scale", side="numpy",
         args=pair("09_dropout_drop_scale_numpy.py", "DropoutNet", "dropout_torch.py", "DropoutNet", *DO,
                   *LINEAR_PARAMS),
         mechanism="pair: the forward's inverted dropout divides the kept units by the drop rate 1 - KEEP (0.25) "
                   "instead of the keep probability KEEP (0.75): the kept activations are three times too large "
                   "(x4 instead of x1.33), so the logits, the loss and every gradient differ from step 1 (the "
                   "backward still scales by 1 / KEEP)",
         expected=("dropout", "inverted dropout", "keep", "keep probability", "drop rate", "1 - keep", "1/keep",
                   "scale", "scaling", "factor", "three times", "forward", "hidden", "rescale", "p")),
    dict(id="SP10_smoothing_k_minus_1", side="numpy",
         args=pair("10_smoothing_k_minus_1_numpy.py", "DropoutNet", "dropout_torch.py", "DropoutNet", *DO,
                   *LINEAR_PARAMS),
         mechanism="pair: the label-smoothed target puts SMOOTH / (K - 1) on each wrong class and 1 - SMOOTH on "
                   "the true class, where torch's label_smoothing gives every class SMOOTH / K and the true class "
                   "1 - SMOOTH + SMOOTH / K: the targets differ by SMOOTH / (K (K - 1)) on the wrong classes and "
                   "SMOOTH / K on the true one, so the loss and the logit gradients (probs - q) differ",
         expected=("label smoothing", "smoothing", "label_smoothing", "k - 1", "k-1", "num_classes", "target",
                   "soft target", "uniform", "true class", "cross entropy", "smooth / k", "epsilon", "loss",
                   "off-target")),
    dict(id="SP11_dropout_missing_in_backward", side="numpy",
         args=pair("11_dropout_backward_numpy.py", "DropoutNet", "dropout_torch.py", "DropoutNet", *DO,
                   *LINEAR_PARAMS),
         mechanism="pair: the backward passes the hidden gradient through the dropout unmasked, dh = dhd instead "
                   "of dhd * keep / KEEP: dropped units receive gradient and kept ones lack the 1 / KEEP scale, so "
                   "W1 and b1 get wrong gradients while the loss, W2 and b2 are right",
         expected=("dropout", "backward", "mask", "keep mask", "gradient", "dropped units", "1/keep", "scale",
                   "missing factor", "chain rule", "w1", "b1", "hidden", "inverted dropout", "finite difference")),
    dict(id="SP12_adamw_decay_without_lr", side="numpy",
         args=pair("12_adamw_decay_no_lr_numpy.py", "MixupRegressor", "mixup_torch.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: the decoupled weight decay is p -= WD * p, not multiplied by the learning rate, instead "
                   "of p *= 1 - lr * WD: the weights shrink by 5% per update instead of 0.05% (about 100 times "
                   "too much, the ratio following the schedule), a difference proportional to the parameter; "
                   "gradients and moments agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "lr", "not scaled",
                   "proportional to the parameter", "decay", "shrink", "1 - lr * wd", "update", "multiply",
                   "weight_decay", "schedule")),
    dict(id="SP13_restart_period_not_growing", side="numpy",
         args=pair("13_restart_period_numpy.py", "MixupRegressor", "mixup_torch.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: the warm-restart schedule sets the next period to T_0 * T_MULT instead of multiplying "
                   "the current one (T_i *= T_MULT): the periods run 3, 6, 6 instead of 3, 6, 12, so a third "
                   "restart to the full rate comes at scheduler count 15 and updates 16 to 20 use a larger "
                   "learning rate; the first 15 steps agree",
         expected=("warm restart", "restart", "cosine", "schedule", "t_mult", "t_0", "period", "cycle",
                   "learning rate", "lr", "cosineannealingwarmrestarts", "sgdr", "step 16", "late", "ratio")),
    dict(id="SP14_noise_variance_as_std", side="numpy",
         args=pair("14_noise_variance_numpy.py", "NoisyBCENet", "noisy_torch.py", "NoisyBCENet", *NZ,
                   *LINEAR_PARAMS),
         mechanism="pair: the gradient noise is scaled by the annealed variance ETA / (1 + t)^GAMMA instead of "
                   "its square root, the standard deviation: the added noise is about ten times too small "
                   "(0.0068 instead of 0.083 at step 1, the ratio shrinking with t), so every gradient differs "
                   "by a random-looking term and the updates follow",
         expected=("noise", "gradient noise", "variance", "standard deviation", "std", "sqrt", "square root",
                   "sigma", "anneal", "scale", "too small", "random", "gradient", "added", "eta")),
    dict(id="SP15_l1_after_clipping", side="numpy",
         args=pair("15_l1_after_clip_numpy.py", "MixupRegressor", "mixup_torch.py", "MixupRegressor", *MX,
                   *LINEAR_PARAMS),
         mechanism="pair: the L1 subgradient LAM1 * sign(W1) is added to W1's gradient after the global-norm "
                   "clipping instead of before it: the clipping norm leaves the penalty out and the penalty "
                   "escapes the clip factor, so while clipping is active (the early steps) every gradient is "
                   "scaled by a slightly different factor and W1's carries an unscaled LAM1 * sign(W1)",
         expected=("l1", "penalty", "sign", "clip", "clipping", "clip_grad_norm", "global norm", "order", "before",
                   "after", "subgradient", "regulariz", "norm", "scale factor", "lasso")),
    dict(id="SP16_momentum_first_step_dampened", side="numpy",
         args=pair("16_momentum_first_step_numpy.py", "NoisyBCENet", "noisy_torch.py", "NoisyBCENet", *NZ,
                   *LINEAR_PARAMS),
         mechanism="pair: the test for the first update is self.t == 0 after t was already incremented, so it "
                   "never holds: the momentum buffer starts from zero and the first update stores "
                   "(1 - DAMP) * d = 0.9 d instead of torch's d (a buffer initialised to the gradient, undampened); "
                   "the buffer stays 10% short of torch's, decaying by 0.9 a step, and every update follows",
         expected=("momentum", "dampening", "momentum buffer", "first step", "initial", "initialis", "initializ",
                   "zero", "buffer", "velocity", "off by one", "off-by-one", "1 - dampening", "sgd", "step 1")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SP17_dropout_rows_numpy", side="correct",
         args=pair("dropout_alt_numpy.py", "DropoutNetRows", "dropout_torch.py", "DropoutNet", *DO, *DO_ROWS_PARAMS),
         mechanism="pair: the dropout classifier in NumPy with (out, in) weights named fc1_w.., np.where dropout, "
                   "the smoothed loss as (1 - eps) NLL + eps mean(-log p) from a log-sum-exp, a separate "
                   "backward() and update(), Nesterov's velocity updated in place and the max-norm rows by "
                   "np.linalg.norm and a boolean index; against the nn.Linear port", expected=()),
    dict(id="SP18_mixup_raw_params_port", side="correct",
         args=pair("mixup_numpy.py", "MixupRegressor", "mixup_params_torch.py", "MixupRegressorP", *MX,
                   *MX_P_PARAMS),
         mechanism="pair: mixup regressor port with raw (in, out) nn.Parameters, torch.lerp mixing from "
                   "registered buffers, torch.linalg.vector_norm(ord=1), hand-written global-norm clipping, "
                   "AdamW(foreach=False) and the warm restarts written as a LambdaLR factor", expected=()),
    dict(id="SP19_noisy_flat_vector_numpy", side="correct",
         args=pair("noisy_flat_numpy.py", "FlatNoisyNet", "noisy_torch.py", "NoisyBCENet", *NZ, *LINEAR_PARAMS),
         mechanism="pair: the noisy-gradient classifier in NumPy with every parameter a view into one flat vector, "
                   "the gradient, noise, weight decay, dampened momentum (a started flag) and step as flat-vector "
                   "operations, clipping through a weight mask, the average in lerp form and BCE by np.logaddexp",
         expected=()),
]
