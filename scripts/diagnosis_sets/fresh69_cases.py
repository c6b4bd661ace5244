"""Sixty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh69/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is capsule networks written by hand: primary capsules from a linear layer or a 1-D
convolution (im2col, kernel 5, stride 2) reshaped into capsule vectors, the squash nonlinearity
v = |s|^2 / (1 + |s|^2) * s / sqrt(|s|^2 + eps), prediction vectors u_hat_ij = W_ij u_i, three
dynamic-routing iterations (softmax of the routing logits over the output capsules, logits
updated by the agreement u_hat . v), with the coupling coefficients held constant in the backward
pass (capsdense, capsrecon) or differentiated through every iteration (capsconv), capsule lengths
as class scores, the margin loss sum_k T_k max(0, 0.9 - |v_k|)^2 + 0.5 (1 - T_k) max(0, |v_k| - 0.1)^2,
and a reconstruction decoder on the label-masked capsules (capsrecon). SGD with momentum
(capsdense) and Adam (capsconv, capsrecon). fresh69/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh69_cases

Each case:
    id          short name (prefixed QQ)
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

F = "scripts/diagnosis_sets/fresh69/"

CAPS = F + "caps.npz"
WAVE = F + "wave.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, data: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", data, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DENSE_PARAMS = params("params['Wp']=primary.weight.T", "params['bp']=primary.bias", "params['W']=W")
DENSE_MM_PARAMS = params("params['Wp']=prim_w", "params['bp']=prim_b", "params['W']=route_w")
CONV_PARAMS = params("params['K']=conv.weight.permute(2,1,0)", "params['bK']=conv.bias", "params['W']=W")
CONV_STRIDED_PARAMS = params("params['kernel']=conv.weight", "params['bias']=conv.bias", "params['routing_W']=W")
RECON_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['Wp']=primary.weight.T",
                      "params['bp']=primary.bias", "params['W']=W", "params['Wd1']=dec1.weight.T",
                      "params['bd1']=dec1.bias", "params['Wd2']=dec2.weight.T", "params['bd2']=dec2.bias")
RECON_SEQ_PARAMS = params("params['W1']=encoder.0.weight.T", "params['b1']=encoder.0.bias",
                          "params['Wp']=encoder.2.weight.T", "params['bp']=encoder.2.bias", "params['W']=W",
                          "params['Wd1']=decoder.0.weight.T", "params['bd1']=decoder.0.bias",
                          "params['Wd2']=decoder.2.weight.T", "params['bd2']=decoder.2.bias")


def dense(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "CapsDense", torch_file, "CapsDense", CAPS, *DENSE_PARAMS)


def conv(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "CapsConv", torch_file, "CapsConv", WAVE, *CONV_PARAMS)


def recon(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "CapsRecon", torch_file, "CapsRecon", CAPS, *RECON_PARAMS)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QQ01_dense_routing_softmax_dim", side="port",
         args=dense("capsdense_numpy.py", "01_dense_softmax_dim_port.py"),
         mechanism="pair: the port's routing softmax is F.softmax(b, dim=1) over the primary capsules instead of "
                   "dim=2 over the output (class) capsules: each primary capsule's coupling coefficients no longer "
                   "sum to one over the classes (1/6 instead of 1/3 at the first iteration), so s, v, the capsule "
                   "lengths, the loss and every gradient differ",
         expected=("softmax", "dim=1", "dim=2", "wrong dimension", "wrong axis", "axis", "routing",
                   "coupling coefficients", "output capsules", "primary capsules", "class capsules",
                   "normalized over", "sum to one", "routing logits")),
    dict(id="QQ02_dense_squash_unsquared_norm", side="port",
         args=dense("capsdense_numpy.py", "02_dense_squash_norm_port.py"),
         mechanism="pair: the port's squash takes n2 = torch.linalg.norm(s) (the length) where the NumPy program "
                   "uses the squared length sum(s**2): the scale becomes |s| / (1 + |s|) * s / sqrt(|s| + eps) "
                   "instead of |s|^2 / (1 + |s|^2) * s / |s|, so every squashed capsule (primary and class) has "
                   "the wrong length and the outputs, loss and gradients differ",
         expected=("squash", "norm", "squared norm", "squared length", "linalg.norm", "square", "|s|^2",
                   "sum of squares", "nonlinearity", "capsule length", "scale", "not squared", "missing square")),
    dict(id="QQ03_dense_sgd_nesterov", side="port",
         args=dense("capsdense_numpy.py", "03_dense_nesterov_port.py"),
         mechanism="pair: the port builds torch.optim.SGD(momentum=0.9, nesterov=True) where the NumPy program does "
                   "heavy-ball momentum (buf = 0.9 buf + g, p -= lr buf): Nesterov steps by g + 0.9 buf instead of "
                   "buf, so the updates differ from the first step (by lr * 0.9 * g at step 1) while the loss and "
                   "gradients at the shared weights agree",
         expected=("nesterov", "momentum", "sgd", "optimizer", "heavy ball", "look-ahead", "lookahead",
                   "update", "velocity", "momentum_buffer", "nesterov=true", "optimizer setting",
                   "step rule")),
    dict(id="QQ04_conv_routing_detach", side="port",
         args=conv("capsconv_numpy.py", "04_conv_detach_port.py"),
         mechanism="pair: the port updates the routing logits with u_hat.detach() * v, b + (u_hat.detach() . v), "
                   "where the NumPy program differentiates through every routing iteration: the gradient of the "
                   "agreement term with respect to the prediction vectors is cut (only the path through v is "
                   "kept), so the forward and loss agree but W and the convolution kernel get different gradients",
         expected=("detach", ".detach()", "routing", "agreement", "stop gradient", "stop-gradient",
                   "gradient cut", "no gradient", "u_hat", "prediction vectors", "routing logits",
                   "constant", "backward", "autograd")),
    dict(id="QQ05_conv_capsule_view_no_permute", side="port",
         args=conv("capsconv_numpy.py", "05_conv_view_port.py"),
         mechanism="pair: the port turns the (n, 8 channels, 6 positions) convolution output into capsules with "
                   "h.view(n, 12, 4) directly instead of view(n, 2, 4, 6).permute(0, 1, 3, 2): each capsule takes 4 "
                   "consecutive entries of the channel-major buffer (runs of positions along a channel, some "
                   "straddling two channels) instead of the 4 channels of one type at one position, so the "
                   "primary capsules are scrambled and everything downstream differs",
         expected=("view", "reshape", "permute", "transpose", "layout", "memory order", "channels",
                   "positions", "capsule dimension", "primary capsules", "scrambled", "wrong grouping",
                   "channel-major", "conv1d output")),
    dict(id="QQ06_conv_uhat_operand_order", side="port",
         args=conv("capsconv_numpy.py", "06_conv_matmul_order_port.py"),
         mechanism="pair: the port computes the prediction vectors as torch.matmul(u_row, W), the row vector u times "
                   "W, instead of W @ u: with square 4x4 matrices this is W^T u, the transposed transformation "
                   "matrices, so u_hat, the routing, the capsules, the loss and the gradients differ",
         expected=("matmul", "transpose", "transposed", "w^t", "operand order", "order of operands",
                   "row vector", "column vector", "prediction vectors", "u_hat", "transformation matrix",
                   "w_ij", "einsum", "wrong side")),
    dict(id="QQ07_recon_mse_mean", side="port",
         args=recon("capsrecon_numpy.py", "07_recon_mse_mean_port.py"),
         mechanism="pair: the port's reconstruction error is F.mse_loss(recon, x), the mean over all n * 12 "
                   "elements, instead of the per-row sum of squares averaged over the rows: the reconstruction "
                   "term and the decoder's gradients (and its share in the capsules' gradients) are 12 times "
                   "smaller",
         expected=("mse_loss", "reduction", "mean", "sum", "reconstruction", "decoder", "per row",
                   "number of features", "12", "1/12", "factor", "scaled", "averaged over elements",
                   "sum of squared")),
    dict(id="QQ08_recon_margin_lambda_swapped", side="port",
         args=recon("capsrecon_numpy.py", "08_recon_lambda_port.py"),
         mechanism="pair: the port's margin loss puts the down-weighting lambda = 0.5 on the present-class term, "
                   "LAM * present + absent, instead of on the absent-class term, present + LAM * absent: the "
                   "target capsule's hinge counts half and the other classes' hinges count fully, so the loss "
                   "and the gradients through the capsule lengths differ",
         expected=("margin loss", "lambda", "lam", "0.5", "down-weight", "absent", "present", "swapped",
                   "wrong term", "m+", "m-", "target class", "negative classes", "hinge")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QQ09_dense_dw_pre_squash", side="numpy",
         args=dense("09_dense_stale_u_numpy.py", "capsdense_torch.py"),
         mechanism="pair: the hand-written gradient of the transformation matrices uses the cached pre-squash "
                   "primary vectors, dW = du_hat outer u_pre, instead of the squashed u that the forward pass "
                   "multiplied: W's gradient is wrong (forward, loss and the primary layer's gradient right)",
         expected=("squash", "pre-squash", "before squash", "u_pre", "cache", "wrong cached", "stale",
                   "wrong variable", "dw", "transformation matrix", "w_ij", "backward", "outer product",
                   "prediction")),
    dict(id="QQ10_dense_momentum_not_applied", side="numpy",
         args=dense("10_dense_momentum_unused_numpy.py", "capsdense_torch.py"),
         mechanism="pair: the momentum buffer is updated, velocity = 0.9 velocity + g, but the step subtracts "
                   "lr * g instead of lr * velocity: plain SGD with the buffer kept but never used, so the first "
                   "update agrees and later updates are smaller than torch's SGD(momentum=0.9) updates",
         expected=("momentum", "velocity", "buffer", "not applied", "unused", "plain sgd", "update",
                   "lr * g", "gradient instead", "sgd", "momentum_buffer", "step 2", "accumulated")),
    dict(id="QQ11_dense_length_grad_missing_norm", side="numpy",
         args=dense("11_dense_length_grad_numpy.py", "capsdense_torch.py"),
         mechanism="pair: the derivative of the capsule length |v| is taken as v instead of v / |v|: the margin "
                   "loss's gradient reaching each class capsule is multiplied by |v_k| (smaller than one), so "
                   "every gradient is scaled per capsule (forward and loss right)",
         expected=("length", "norm", "|v|", "v / |v|", "divide", "division", "missing factor", "derivative",
                   "unit vector", "capsule length", "margin loss", "chain rule", "scaled", "backward")),
    dict(id="QQ12_conv_flipped_kernel", side="numpy",
         args=conv("12_conv_flipped_kernel_numpy.py", "capsconv_torch.py"),
         mechanism="pair: the NumPy forward applies the kernel reversed along its taps, K[::-1], a true "
                   "convolution, where nn.Conv1d computes a cross-correlation; the backward still computes the "
                   "gradient for the unflipped kernel: the primary capsules, the loss and every gradient differ",
         expected=("flip", "flipped", "reversed", "kernel", "convolution", "cross-correlation",
                   "correlation", "conv1d", "taps", "[::-1]", "mirror", "im2col", "primary capsules")),
    dict(id="QQ13_conv_routing_softmax_backward_axis", side="numpy",
         args=conv("13_conv_softmax_back_axis_numpy.py", "capsconv_torch.py"),
         mechanism="pair: the backward pass through the routing softmax subtracts (c * dc) summed over axis=1, the "
                   "primary capsules, instead of axis=2, the output capsules the softmax normalised: the "
                   "Jacobian-vector product is taken on the wrong axis, so the routing-logit gradients and hence "
                   "W's and the kernel's gradients are wrong (forward and loss right)",
         expected=("softmax", "backward", "axis", "axis=1", "axis=2", "wrong axis", "jacobian", "routing",
                   "coupling", "routing logits", "sum over", "keepdims", "derivative", "output capsules")),
    dict(id="QQ14_conv_adam_uncorrected_v", side="numpy",
         args=conv("14_conv_adam_vhat_numpy.py", "capsconv_torch.py"),
         mechanism="pair: Adam's step divides by sqrt(self.v) + eps, the raw second moment, instead of sqrt(v_hat), "
                   "the bias-corrected one (v_hat is computed and left unused): early updates are about "
                   "sqrt(1 / (1 - 0.999^t)) times too large (about 32x at t = 1), a ratio that shrinks with the step",
         expected=("adam", "bias correction", "bias-corrected", "v_hat", "second moment", "1 - beta2",
                   "uncorrected", "too large", "update", "denominator", "moving with the step", "beta2",
                   "unused")),
    dict(id="QQ15_recon_decoder_grad_unmasked", side="numpy",
         args=recon("15_recon_unmasked_grad_numpy.py", "capsrecon_torch.py"),
         mechanism="pair: the decoder's gradient is passed back to all class capsules, dv = dmasked, instead of "
                   "dmasked * T, only the target capsule the forward mask kept: the non-target capsules receive "
                   "reconstruction gradient they never produced, so W and the encoder's gradients differ "
                   "(forward, loss and the decoder's own gradients right)",
         expected=("mask", "masked", "masking", "label", "target capsule", "one-hot", "decoder",
                   "reconstruction", "backward", "gradient", "non-target", "missing mask", "multiply",
                   "t_k")),
    dict(id="QQ16_recon_routing_logits_overwritten", side="numpy",
         args=recon("16_recon_logits_reset_numpy.py", "capsrecon_torch.py"),
         mechanism="pair: the routing update assigns the agreement instead of adding it, b = u_hat . v instead of "
                   "b = b + u_hat . v: the logits of the third iteration lose the first iteration's agreement, so "
                   "the final coupling coefficients, the class capsules, the loss and the gradients differ",
         expected=("routing", "logits", "accumulate", "accumulated", "+=", "overwrite", "overwritten",
                   "assigned", "agreement", "b_ij", "iteration", "coupling coefficients",
                   "dynamic routing", "instead of adding")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QQ17_dense_matmul_port", side="correct",
         args=pair("capsdense_numpy.py", "CapsDense", "capsdense_matmul_torch.py", "CapsDenseMM", CAPS,
                   *DENSE_MM_PARAMS),
         mechanism="pair: the dense capsule port with raw (in, out) parameters applied by torch.addmm, u_hat by "
                   "broadcast matmul on column vectors, routing logits built in-place under torch.no_grad with "
                   "torch.softmax, squash with rsqrt, lengths by sqrt of summed squares, clamp(min=0) margins, "
                   "SGD(momentum, foreach=False) and set_to_none; against the hand-written NumPy momentum",
         expected=()),
    dict(id="QQ18_conv_strided_numpy", side="correct",
         args=pair("capsconv_strided_numpy.py", "CapsConvStrided", "capsconv_torch.py", "CapsConv", WAVE,
                   *CONV_STRIDED_PARAMS),
         mechanism="pair: the convolutional capsule network in NumPy with the kernel in torch's (out, in, k) "
                   "layout, windows by sliding_window_view and tensordot, log-sum-exp softmax, the routing "
                   "backward written with the explicit softmax Jacobian diag(c) - c c^T, Adam folded into one "
                   "step size; against the nn.Conv1d port differentiated through the routing", expected=()),
    dict(id="QQ19_recon_sequential_port", side="correct",
         args=pair("capsrecon_numpy.py", "CapsRecon", "capsrecon_seq_torch.py", "CapsReconSeq", CAPS,
                   *RECON_SEQ_PARAMS),
         mechanism="pair: the reconstruction capsule port with nn.Sequential encoder and decoder (nn.Sigmoid), "
                   "einsum with other subscripts, routing on u_hat.detach() in the intermediate iterations only, "
                   "the label mask as a bmm with diag_embed, F.mse_loss(reduction='sum') / n and Adam(foreach=False)",
         expected=()),
]
