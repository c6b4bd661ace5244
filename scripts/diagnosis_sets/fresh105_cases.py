"""Hundred-and-fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh105/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is autoencoders written by hand on tabular rows, the target a copy of the input (or
the clean half of it). A tied-weight sparse autoencoder on 4x4 intensity patches in [0, 1]: a
sigmoid encoder whose weight W also decodes, transposed, through a sigmoid output (W's gradient
the sum of both uses), the binary cross-entropy summed per row and averaged over the rows, the
weight decay 0.5 * LAM * |W|^2 and the sparsity penalty BETA * sum_j KL(RHO || rho_hat_j) on each
hidden unit's mean activation over the batch, trained by Adam; a denoising autoencoder on
standardised sensor readings whose fixed 0/1 corruption mask is stored in the extra columns of
X (the clean readings are y), a tanh encoder and a linear decoder, F.mse_loss's mean, with
global-norm gradient clipping, SGD with momentum and weight decay and a StepLR schedule; and a
contractive autoencoder on scores in [0, 1], a sigmoid encoder and a linear decoder, the squared
error summed per row and averaged, plus LAM * the squared Frobenius norm of the encoder's
Jacobian, sum_j (h_j (1 - h_j))^2 sum_i W_ij^2 averaged over the rows (its gradient reaching W
directly and through h), trained by Adagrad with lr_decay. fresh105/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh105_cases

Each case:
    id          short name (prefixed SA)
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

F = "scripts/diagnosis_sets/fresh105/"

PATCHES, SENSORS, SCORES = F + "patches.npz", F + "sensors.npz", F + "scores.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SP = ("--data", PATCHES, "--batch-size", "16")
SP_PARAMS = params("params['W']=enc.weight.T", "params['b']=enc.bias", "params['c']=c")
SP_ALT_PARAMS = params("W=enc.weight", "b_h=enc.bias", "b_v=c")
DAE = ("--data", SENSORS, "--batch-size", "10")
DAE_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias", "params['W2']=dec.weight.T",
                    "params['b2']=dec.bias")
DAE_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
CAE = ("--data", SCORES, "--batch-size", "12", "--state", "sum=net.G")
CAE_PARAMS = params("params['W']=enc.weight.T", "params['b']=enc.bias", "params['V']=dec.weight.T",
                    "params['c']=dec.bias")
CAE_J = ("--data", SCORES, "--batch-size", "12", "--state", "sum=net.acc")
CAE_J_PARAMS = params("params['enc_W']=enc.weight.T", "params['enc_b']=enc.bias",
                      "params['dec_W']=dec.weight.T", "params['dec_b']=dec.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SA01_sp_kl_no_complement", side="port",
         args=pair("sparse_tied_numpy.py", "SparseTiedAE", "01_sp_kl_no_complement_port.py", "SparseTiedAE",
                   *SP, *SP_PARAMS),
         mechanism="pair: the port's sparsity penalty keeps only RHO * log(RHO / rho_hat) of the Bernoulli KL "
                   "and drops the complement term (1 - RHO) * log((1 - RHO) / (1 - rho_hat)): the KL is "
                   "wrong (can go negative), the loss differs and the gradient reaching the hidden units "
                   "loses (1 - RHO) / (1 - rho_hat) * BETA / n, so W and b get wrong gradients (c right)",
         expected=("kl", "kl divergence", "sparsity", "bernoulli", "1 - rho", "complement", "missing term",
                   "rho_hat", "penalty", "beta", "hidden activation", "mean activation", "loss", "sparse",
                   "target sparsity")),
    dict(id="SA02_sp_rho_hat_scalar", side="port",
         args=pair("sparse_tied_numpy.py", "SparseTiedAE", "02_sp_rho_hat_scalar_port.py", "SparseTiedAE",
                   *SP, *SP_PARAMS),
         mechanism="pair: the port's mean activation is h.mean() over the whole batch and every hidden unit, "
                   "one scalar, instead of h.mean(dim=0), one per unit: the KL is a single term on the overall "
                   "mean instead of the sum of six per-unit terms, so the penalty, the loss and the sparsity "
                   "gradient into h (the same for all units, and not per unit) differ; W and b wrong, c right",
         expected=("mean", "dim=0", "axis=0", "per unit", "per hidden unit", "rho_hat", "scalar", "sparsity",
                   "kl", "average activation", "reduction", "over the batch", "all units", "penalty",
                   "shape")),
    dict(id="SA03_sp_adamw_default_decay", side="port",
         args=pair("sparse_tied_numpy.py", "SparseTiedAE", "03_sp_adamw_port.py", "SparseTiedAE", *SP, *SP_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.AdamW(model.parameters(), lr=LR), whose default "
                   "weight_decay=0.01 shrinks every parameter (biases included) by LR * 0.01 * p each step, "
                   "decoupled from the gradient, on top of the L2 term already in the loss; gradients and "
                   "moments agree, the updates differ by a term proportional to the parameter",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "default", "0.01",
                   "proportional to the parameter", "decay", "optimizer", "update", "shrink", "l2",
                   "regulariz", "biases")),
    dict(id="SA04_dae_noisy_target", side="port",
         args=pair("dae_numpy.py", "DenoisingAE", "04_dae_noisy_target_port.py", "DenoisingAE", *DAE, *DAE_PARAMS),
         mechanism="pair: the port's loss is F.mse_loss(xhat, x_noisy), reconstructing the corrupted input "
                   "(the readings with the dropped entries zeroed) instead of the clean readings y: the target "
                   "differs wherever the corruption mask is 0, so the loss and every gradient differ",
         expected=("target", "denoising", "corrupted", "noisy", "clean", "x_noisy", "y", "reconstruction",
                   "mask", "corruption", "input instead of target", "label", "loss", "mse", "wrong target")),
    dict(id="SA05_dae_scheduler_before_step", side="port",
         args=pair("dae_numpy.py", "DenoisingAE", "05_dae_sched_first_port.py", "DenoisingAE", *DAE, *DAE_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): the StepLR count runs one "
                   "update ahead, so the learning rate halves at update 8 and again at 16 instead of 9 and 17; "
                   "gradients and momentum buffers agree, the updates at steps 8 and 16 are half as large",
         expected=("scheduler", "steplr", "scheduler.step()", "optimizer.step()", "order", "before",
                   "off by one", "off-by-one", "one step early", "learning rate", "schedule", "step decay",
                   "gamma", "halved", "step 8")),
    dict(id="SA06_dae_clip_per_parameter", side="port",
         args=pair("dae_numpy.py", "DenoisingAE", "06_dae_clip_per_param_port.py", "DenoisingAE", *DAE,
                   *DAE_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_(p, MAX_NORM) on each parameter in a loop instead of "
                   "once over model.parameters(): each tensor is clipped to norm 0.5 on its own instead of all "
                   "together to a global norm of 0.5, so on the steps that clip the gradients get different "
                   "factors per parameter (larger overall) and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "per parameter", "per-parameter",
                   "each parameter", "total norm", "max_norm", "norm", "gradient", "scale", "factor",
                   "separately", "loop")),
    dict(id="SA07_cae_jacobian_unsquared", side="port",
         args=pair("cae_numpy.py", "ContractiveAE", "07_cae_jacobian_unsquared_port.py", "ContractiveAE", *CAE,
                   *CAE_PARAMS),
         mechanism="pair: the port's contractive penalty sums s * |W_j|^2 with s = h (1 - h) not squared, "
                   "instead of s^2 * |W_j|^2: it is not the squared Frobenius norm of the Jacobian (the sigmoid "
                   "derivative enters once instead of squared), so the penalty, the loss and the gradients of "
                   "W and b differ (V and c right)",
         expected=("contractive", "jacobian", "frobenius", "squared", "square", "h * (1 - h)", "sigmoid "
                   "derivative", "penalty", "s ** 2", "pow(2)", "missing square", "regulariz", "encoder",
                   "dh/dx", "norm")),
    dict(id="SA08_cae_detach_jacobian", side="port",
         args=pair("cae_numpy.py", "ContractiveAE", "08_cae_detach_jacobian_port.py", "ContractiveAE", *CAE,
                   *CAE_PARAMS),
         mechanism="pair: the port detaches s = h (1 - h) in the contractive penalty: the loss is unchanged but "
                   "autograd no longer differentiates the penalty through h, so W and b lose the term "
                   "2 LAM / n * s^2 (1 - 2h) |W_j|^2 through the pre-activation and keep only the direct "
                   "2 LAM W s^2 term; V and c are right",
         expected=("detach", "stop gradient", "no gradient", "gradient path", "jacobian", "contractive",
                   "through h", "penalty", "autograd", "missing term", "constant", "encoder", "backward",
                   "h * (1 - h)", "chain rule")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SA09_sp_tied_grad_one_use", side="numpy",
         args=pair("09_sp_tied_grad_numpy.py", "SparseTiedAE", "sparse_tied_torch.py", "SparseTiedAE", *SP,
                   *SP_PARAMS),
         mechanism="pair: the tied weight's gradient keeps only the encoder use, X^T dz + LAM W, and drops the "
                   "decoder use dlogit^T h (W appears transposed in the decoder): W's gradient is wrong, the "
                   "loss, b and c are right",
         expected=("tied", "tied weights", "weight tying", "shared weight", "decoder", "transpose",
                   "missing term", "both uses", "sum of", "encoder", "gradient", "backward", "dlogit.t @ h",
                   "w.t", "two terms")),
    dict(id="SA10_sp_kl_grad_not_averaged", side="numpy",
         args=pair("10_sp_kl_grad_scale_numpy.py", "SparseTiedAE", "sparse_tied_torch.py", "SparseTiedAE", *SP,
                   *SP_PARAMS),
         mechanism="pair: the sparsity term of the backward, BETA * (-RHO / rho_hat + (1 - RHO) / (1 - rho_hat)), "
                   "is added to every row's hidden gradient without dividing by the batch size n (rho_hat is a "
                   "mean over the rows, so each row's share is 1/n): the KL part of W's and b's gradients is 16 "
                   "times too large, the loss and c are right",
         expected=("sparsity", "kl", "batch size", "divide by n", "1/n", "/ n", "mean", "rho_hat", "scale",
                   "factor", "backward", "gradient", "average", "beta", "too large")),
    dict(id="SA11_sp_adam_vhat_beta1", side="numpy",
         args=pair("11_sp_adam_vhat_beta1_numpy.py", "SparseTiedAE", "sparse_tied_torch.py", "SparseTiedAE", *SP,
                   *SP_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1^t instead of 1 - BETA2^t: "
                   "v_hat is about 100 times too small at step 1 (0.1 against 0.001), so the updates are "
                   "about ten times too large at first, the ratio moving with the step; gradients and moments "
                   "agree",
         expected=("adam", "bias correction", "bias-correction", "beta2", "beta1", "second moment", "v_hat",
                   "exp_avg_sq", "1 - beta2 ** t", "update", "optimizer", "step size", "too large",
                   "moves with the step", "typo")),
    dict(id="SA12_dae_grad_clean_input", side="numpy",
         args=pair("12_dae_grad_clean_input_numpy.py", "DenoisingAE", "dae_torch.py", "DenoisingAE", *DAE,
                   *DAE_PARAMS),
         mechanism="pair: the encoder weight's gradient is X[:, :D].T @ dpre, the clean readings, instead of "
                   "x_noisy.T @ dpre, the corrupted input the forward pass used: W1's gradient is wrong in the "
                   "rows of the dropped entries; the loss, b1, W2 and b2 are right",
         expected=("denoising", "corrupted", "noisy", "clean", "x_noisy", "input", "mask", "corruption",
                   "w1", "encoder", "backward", "gradient", "forward input", "cached", "wrong input")),
    dict(id="SA13_dae_mask_inverted", side="numpy",
         args=pair("13_dae_mask_inverted_numpy.py", "DenoisingAE", "dae_torch.py", "DenoisingAE", *DAE,
                   *DAE_PARAMS),
         mechanism="pair: the corruption multiplies the readings by 1 - mask instead of the mask: the stored "
                   "columns mean 1 = keep, so the encoder sees the dropped quarter of the readings and zeros "
                   "the kept three quarters; the forward, the loss and every gradient differ",
         expected=("mask", "corruption", "1 - mask", "inverted", "flipped", "complement", "keep", "dropped",
                   "denoising", "noisy", "input", "forward", "corrupted", "columns", "encoder input")),
    dict(id="SA14_dae_clip_scales_up", side="numpy",
         args=pair("14_dae_clip_scale_up_numpy.py", "DenoisingAE", "dae_torch.py", "DenoisingAE", *DAE,
                   *DAE_PARAMS),
         mechanism="pair: the clipping factor is MAX_NORM / (norm + 1e-6) without min(1, ...): whenever the "
                   "global gradient norm is under MAX_NORM the gradients are scaled up to it instead of left "
                   "alone, so on those steps every gradient is one factor too large (the clipped steps agree)",
         expected=("clip", "clipping", "clip_grad_norm_", "min(1", "max_norm", "global norm", "norm",
                   "scale", "scaled up", "factor", "every parameter", "one factor", "rescale", "normaliz",
                   "gradient")),
    dict(id="SA15_cae_loss_mean_all", side="numpy",
         args=pair("15_cae_loss_mean_numpy.py", "ContractiveAE", "cae_torch.py", "ContractiveAE", *CAE,
                   *CAE_PARAMS),
         mechanism="pair: the reported reconstruction loss is np.mean over all entries, 1/(n*8) of the squared "
                   "errors, while the backward uses their sum over the columns averaged over the rows (2 (xhat "
                   "- y) / n): the loss value's data term is 8 times too small, the gradients and updates are "
                   "right (loss and gradient disagree)",
         expected=("loss", "mean", "sum", "reduction", "reported loss", "loss value", "loss only",
                   "inconsistent", "features", "columns", "8", "divide", "np.mean", "reconstruction",
                   "normaliz")),
    dict(id="SA16_cae_adagrad_no_accumulate", side="numpy",
         args=pair("16_cae_adagrad_overwrite_numpy.py", "ContractiveAE", "cae_torch.py", "ContractiveAE", *CAE,
                   *CAE_PARAMS),
         mechanism="pair: the Adagrad accumulator is overwritten, G = g^2, instead of accumulated, G += g^2: "
                   "each update is lr * g / |g|, a sign step of full size, instead of shrinking as squared "
                   "gradients pile up; step 1 agrees, from step 2 the state sum and the updates differ",
         expected=("adagrad", "accumulator", "accumulate", "sum of squared gradients", "+=", "overwrite",
                   "state", "sum", "g ** 2", "update", "optimizer", "sign", "step 2", "history",
                   "squared gradient")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SA17_sp_torch_layout_numpy", side="correct",
         args=pair("sparse_tied_alt_numpy.py", "SparseTiedAEAlt", "sparse_tied_torch.py", "SparseTiedAE", *SP,
                   *SP_ALT_PARAMS),
         mechanism="pair: the tied sparse autoencoder in NumPy with the shared weight kept as an attribute in "
                   "torch's (out, in) layout, the sigmoid written with tanh, the cross-entropy from the logits "
                   "as np.logaddexp(0, a) - y a, the KL written with differences of logs, and Adam with both "
                   "bias corrections folded into the step size and epsilon, its (m, v) state a list made at the "
                   "first step; against the nn.Linear port", expected=()),
    dict(id="SA18_dae_raw_param_port", side="correct",
         args=pair("dae_numpy.py", "DenoisingAE", "dae_params_torch.py", "DenoisingAEP", *DAE, *DAE_P_PARAMS),
         mechanism="pair: denoising port with raw nn.Parameters in the NumPy layout (x @ W1), torch.where "
                   "corruption on the stored mask, the mean squared error written out, global-norm clipping by "
                   "hand on the .grad tensors, SGD over two parameter groups and the step schedule as a "
                   "LambdaLR", expected=()),
    dict(id="SA19_cae_explicit_jacobian_numpy", side="correct",
         args=pair("cae_jacobian_numpy.py", "ContractiveAEJ", "cae_torch.py", "ContractiveAE", *CAE_J,
                   *CAE_J_PARAMS),
         mechanism="pair: the contractive autoencoder in NumPy with per-layer parameter names, the encoder's "
                   "Jacobian built explicitly for every row with np.einsum and the penalty's gradient taken "
                   "through it, np.einsum sums of squares, and Adagrad with its sums in another dict and the "
                   "decayed rate counted from the updates already made", expected=()),
]
