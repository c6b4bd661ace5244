"""Ninety-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh95/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is pruning and sparsity written by hand. A gradually magnitude-pruned MLP classifier
(12 -> 24 ReLU -> 4, mean cross-entropy) with 0/1 masks held beside the weights, applied in the
forward pass and to the weight gradients, the masked weights set back to zero after each update,
the masks recomputed per layer every four steps along a cubic sparsity schedule, SGD with
momentum, weight decay on the weights only and a step learning-rate decay; an MLP regressor
(10 -> 16 tanh -> 1, mean squared error) trained by proximal gradient, a group lasso over the
input features (each row of the input weight shrunk by its norm) and an L1 soft-threshold on the
output weights after each SGD step, global-norm gradient clipping and a cosine learning-rate
schedule that the proximal threshold follows; and a binary classifier (6 -> 20 leaky ReLU -> 1,
BCE on the logit) with straight-through magnitude masks recomputed every step (the forward uses
W * mask, the dense W receives the gradient, plus the SR-STE decay of the pruned weights), AdamW
with decoupled weight decay on the weights only and an exponential learning-rate decay.
fresh95/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh95_cases

Each case:
    id          short name (prefixed RQ)
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
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh95/"

BLOBS, SPARSE_REG, GATES = F + "blobs.npz", F + "sparse_reg.npz", F + "gates.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LINEAR_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                       "params['b2']=fc2.bias")
PM = ("--data", BLOBS, "--batch-size", "16")
PM_ALT_PARAMS = params("W1=fc1.weight", "b1=fc1.bias", "W2=fc2.weight", "b2=fc2.bias")
SR = ("--data", SPARSE_REG)
SR_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
ST = ("--data", GATES, "--batch-size", "14")
ST_F_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                     "params['b2']=out.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RQ01_pm_rebind_not_inplace", side="port",
         args=pair("pruned_mlp_numpy.py", "PrunedMLP", "01_pm_rebind_mask_port.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the re-zeroing after optimizer.step() is written w = w * mask, which rebinds the "
                   "loop variable and leaves the parameter untouched, instead of w.mul_(mask): the masked "
                   "weights are not kept at zero after the update; once a mask is recomputed (step 5) the "
                   "stale momentum buffer from before pruning moves the pruned weights off zero, so the "
                   "updates of W1 and W2 differ at the pruned entries",
         expected=("mask", "pruned", "pruning", "zero", "in-place", "in place", "mul_", "rebind",
                   "not applied", "after the update", "optimizer.step", "momentum", "stale", "w1", "w2")),
    dict(id="RQ02_pm_mask_ge_threshold", side="port",
         args=pair("pruned_mlp_numpy.py", "PrunedMLP", "02_pm_mask_ge_port.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the port's magnitude mask is |w| >= thr instead of |w| > thr, thr the k-th "
                   "smallest magnitude: the weight at the threshold is kept, so each recompute (from step 5) "
                   "prunes one weight fewer per layer; that weight stays nonzero in the forward pass, so the "
                   "outputs, loss, gradients and updates differ",
         expected=("mask", "threshold", ">=", "greater or equal", "strict", "off by one", "one weight",
                   "k-th", "magnitude", "pruning", "pruned", "sparsity", "tie", "forward", "update_masks")),
    dict(id="RQ03_pm_nll_on_logits", side="port",
         args=pair("pruned_mlp_numpy.py", "PrunedMLP", "03_pm_nll_logits_port.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the port's loss is F.nll_loss(logits, y) on the raw logits, without log_softmax, "
                   "instead of F.cross_entropy: the loss is minus the mean target logit (no normalisation), "
                   "its gradient -onehot / n instead of (softmax - onehot) / n, so the loss and every gradient "
                   "differ from the first step",
         expected=("nll_loss", "cross_entropy", "log_softmax", "softmax", "logits", "log-probabilities",
                   "log probabilities", "normaliz", "loss", "missing", "cross-entropy", "negative log",
                   "loss function", "first step")),
    dict(id="RQ04_sr_group_norm_dim", side="port",
         args=pair("sparse_reg_numpy.py", "SparseRegressor", "04_sr_group_dim_port.py", "SparseRegressor", *SR,
                   *LINEAR_PARAMS),
         mechanism="pair: the group-lasso proximal step takes fc1.weight.norm(dim=1), the norm of each hidden "
                   "unit's row of the (out, in) torch weight, instead of dim=0, each input feature's column: "
                   "the groups are the hidden units, not the input features, so W1 is shrunk by the wrong "
                   "per-group factors after every step (the gradients agree, the update of W1 differs)",
         expected=("group lasso", "group", "norm", "dim", "dim=0", "dim=1", "axis", "row", "column",
                   "input feature", "hidden unit", "transpose", "layout", "proximal", "shrink", "w1")),
    dict(id="RQ05_sr_prox_base_lr", side="port",
         args=pair("sparse_reg_numpy.py", "SparseRegressor", "05_sr_prox_base_lr_port.py", "SparseRegressor",
                   *SR, *LINEAR_PARAMS),
         mechanism="pair: the proximal step is called with the constant base rate LR instead of the "
                   "scheduled optimizer.param_groups[0]['lr']: the gradient step follows the cosine schedule "
                   "but the shrinkage thresholds lr * LAM_G and lr * LAM_1 stay at the initial rate, too large "
                   "from step 2 on, so W1 and W2 are over-shrunk (gradients agree)",
         expected=("proximal", "learning rate", "schedule", "scheduler", "cosine", "param_groups", "base lr",
                   "threshold", "shrink", "soft-threshold", "lr * lam", "constant", "step 2", "w2", "w1")),
    dict(id="RQ06_sr_hard_threshold", side="port",
         args=pair("sparse_reg_numpy.py", "SparseRegressor", "06_sr_hard_threshold_port.py", "SparseRegressor",
                   *SR, *LINEAR_PARAMS),
         mechanism="pair: the L1 proximal step on fc2.weight is a hard threshold, torch.where(|w| > lr * LAM_1, "
                   "w, 0), instead of soft-thresholding sign(w) * max(|w| - lr * LAM_1, 0): the surviving "
                   "weights are not shrunk by lr * LAM_1, so W2's update differs by that amount each step "
                   "(gradients agree)",
         expected=("soft-threshold", "soft threshold", "hard threshold", "hard-threshold", "shrink", "l1",
                   "proximal", "prox", "lasso", "torch.where", "sign", "lr * lam", "w2", "update",
                   "shrinkage")),
    dict(id="RQ07_ste_mask_blocks_grad", side="port",
         args=pair("ste_mlp_numpy.py", "STEPrunedMLP", "07_ste_masked_grad_port.py", "STEPrunedMLP", *ST,
                   *LINEAR_PARAMS),
         mechanism="pair: the straight-through weight is w * mask instead of w - ((1 - mask) * w).detach(): "
                   "the forward is the same but autograd multiplies the gradient by the mask, so the pruned "
                   "entries of W1 and W2 get only the SR-STE term instead of the dense straight-through "
                   "gradient; biases and loss agree",
         expected=("straight-through", "straight through", "ste", "mask", "detach", "gradient", "pruned",
                   "masked gradient", "dense", "zero gradient", "no gradient", "backward", "w1", "w2",
                   "estimator")),
    dict(id="RQ08_ste_adam_not_adamw", side="port",
         args=pair("ste_mlp_numpy.py", "STEPrunedMLP", "08_ste_adam_l2_port.py", "STEPrunedMLP", *ST,
                   *LINEAR_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.Adam with weight_decay=WD, an L2 term added to "
                   "the gradient and passed through the adaptive moments, instead of AdamW's decoupled "
                   "decay w *= 1 - lr * WD: the moments and updates of W1 and W2 differ (biases, which have "
                   "no decay, agree)",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay",
                   "optimizer", "moments", "exp_avg", "update", "proportional to the parameter", "w1", "w2")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RQ09_pm_prune_of_remaining", side="numpy",
         args=pair("09_pm_prune_remaining_numpy.py", "PrunedMLP", "pruned_mlp_torch.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the number of weights to prune is int(s * np.count_nonzero(W)), a fraction of the "
                   "weights still alive, instead of int(s * W.size): the first recompute agrees, from step 9 "
                   "on fewer weights are pruned than the schedule's target sparsity, so the masks, outputs, "
                   "loss and gradients differ",
         expected=("sparsity", "schedule", "count_nonzero", "nonzero", "remaining", "w.size", "total",
                   "number of weights", "pruned", "pruning", "mask", "k", "target sparsity", "fraction",
                   "threshold")),
    dict(id="RQ10_pm_decay_dropped", side="numpy",
         args=pair("10_pm_decay_dropped_numpy.py", "PrunedMLP", "pruned_mlp_torch.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the momentum buffer accumulates the raw gradient g[k] instead of d = g[k] + WD * W "
                   "(the weight-decayed gradient computed on the line above): weight decay is silently "
                   "dropped, so the velocity and updates of W1 and W2 differ by a term proportional to the "
                   "weights (gradients and biases agree)",
         expected=("weight decay", "decay", "l2", "momentum", "velocity", "buffer", "proportional to the "
                   "parameter", "missing", "dropped", "wd", "update", "optimizer", "w1", "w2", "sgd")),
    dict(id="RQ11_pm_softmax_batch_axis", side="numpy",
         args=pair("11_pm_softmax_axis_numpy.py", "PrunedMLP", "pruned_mlp_torch.py", "PrunedMLP", *PM,
                   *LINEAR_PARAMS),
         mechanism="pair: the softmax normalises over axis=0, the rows of the batch, instead of axis=1, the "
                   "classes: each class column sums to one over the batch, so the cross-entropy and every "
                   "gradient (through probs - onehot) differ from the first step",
         expected=("softmax", "axis", "axis=0", "axis=1", "normaliz", "batch", "classes", "sum over",
                   "cross-entropy", "probabilities", "wrong axis", "forward", "loss", "keepdims")),
    dict(id="RQ12_sr_prox_without_lr", side="numpy",
         args=pair("12_sr_prox_no_lr_numpy.py", "SparseRegressor", "sparse_reg_torch.py", "SparseRegressor",
                   *SR, *LINEAR_PARAMS),
         mechanism="pair: the L1 soft-threshold on W2 subtracts LAM_1 instead of lr * LAM_1: the proximal "
                   "step is not scaled by the step size, so W2 is shrunk 5 to 50 times too much after every "
                   "step (gradients agree, the update of W2 differs)",
         expected=("proximal", "soft-threshold", "soft threshold", "shrink", "learning rate", "step size",
                   "lr * lam", "l1", "lasso", "threshold", "w2", "update", "scaled", "prox")),
    dict(id="RQ13_sr_clip_norm_squared", side="numpy",
         args=pair("13_sr_clip_no_sqrt_numpy.py", "SparseRegressor", "sparse_reg_torch.py", "SparseRegressor",
                   *SR, *LINEAR_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of squares without the square "
                   "root: when the norm exceeds MAX_NORM (the first steps) the gradients are scaled by "
                   "MAX_NORM / |g|^2 instead of MAX_NORM / |g|, too small; one factor for all parameters",
         expected=("clip", "clipping", "clip_grad_norm_", "norm", "sqrt", "square root", "squared",
                   "sum of squares", "max_norm", "total norm", "one factor", "all parameters", "scaled",
                   "gradient")),
    dict(id="RQ14_sr_batch_size_axis", side="numpy",
         args=pair("14_sr_batch_axis_numpy.py", "SparseRegressor", "sparse_reg_torch.py", "SparseRegressor",
                   *SR, *LINEAR_PARAMS),
         mechanism="pair: n = X.shape[1] (10 features) instead of len(X) (48 rows) in the MSE gradient "
                   "2 * err / n: the loss (np.mean) is right but the gradients are 4.8 times too large; "
                   "clipping hides it while the norm is above MAX_NORM, then (step 5 on) the clipped "
                   "gradients and updates differ",
         expected=("batch size", "shape", "shape[1]", "len(x)", "rows", "features", "mean", "divide",
                   "normaliz", "gradient", "scaled", "ratio", "loss and gradient", "inconsistent",
                   "clipping")),
    dict(id="RQ15_ste_srste_on_kept", side="numpy",
         args=pair("15_ste_sr_mask_numpy.py", "STEPrunedMLP", "ste_mlp_torch.py", "STEPrunedMLP", *ST,
                   *LINEAR_PARAMS),
         mechanism="pair: the SR-STE term is LAM_SR * mask * W, on the kept weights, instead of "
                   "LAM_SR * (1 - mask) * W, on the pruned ones: the kept weights are decayed and the pruned "
                   "ones are not, so the gradients of W1 and W2 differ by a term proportional to the weights",
         expected=("sr-ste", "mask", "1 - mask", "pruned", "kept", "decay", "regulariz", "proportional",
                   "straight-through", "gradient", "lam_sr", "inverted", "complement", "w1", "w2")),
    dict(id="RQ16_ste_leaky_as_relu", side="numpy",
         args=pair("16_ste_leaky_deriv_numpy.py", "STEPrunedMLP", "ste_mlp_torch.py", "STEPrunedMLP", *ST,
                   *LINEAR_PARAMS),
         mechanism="pair: the backward through the leaky ReLU uses (z1 > 0), the plain ReLU derivative, "
                   "instead of 1 where z1 > 0 and SLOPE = 0.1 elsewhere: no gradient flows through the "
                   "negative units, so W1 and b1 get wrong gradients (the loss, W2 and b2 are right)",
         expected=("leaky", "leaky relu", "relu", "derivative", "slope", "negative", "0.1", "backward",
                   "activation", "gradient", "w1", "b1", "negative_slope", "hidden layer")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RQ17_pm_out_in_einsum_numpy", side="correct",
         args=pair("pruned_mlp_alt_numpy.py", "PrunedMLPAlt", "pruned_mlp_torch.py", "PrunedMLP", *PM,
                   *PM_ALT_PARAMS),
         mechanism="pair: the pruned classifier in NumPy with (out, in) weights as attributes, np.partition "
                   "for the threshold, np.einsum products, the softmax gradient from log-probabilities, "
                   "list-held masks and buffers updated in place and a precomputed learning-rate table",
         expected=()),
    dict(id="RQ18_sr_raw_param_port", side="correct",
         args=pair("sparse_reg_numpy.py", "SparseRegressor", "sparse_reg_params_torch.py", "SparseRegressorP",
                   *SR, *SR_P_PARAMS),
         mechanism="pair: proximal regressor port with raw (in, out) nn.Parameters, hand-written global-norm "
                   "clipping, a LambdaLR closed-form cosine, torch.linalg.vector_norm for the group lasso and "
                   "F.softshrink for the L1 prox", expected=()),
    dict(id="RQ19_ste_autograd_function_port", side="correct",
         args=pair("ste_mlp_numpy.py", "STEPrunedMLP", "ste_mlp_function_torch.py", "STEPrunedMLPF", *ST,
                   *ST_F_PARAMS),
         mechanism="pair: straight-through port with a custom torch.autograd.Function carrying the SR-STE "
                   "term in its backward, torch.topk masks rebuilt in forward, a hand-written BCE on the "
                   "logit and the exponential decay written into param_groups before each step",
         expected=()),
]
