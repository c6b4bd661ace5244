"""Eightieth fresh held-out set for the diagnosis: one planted bug per program in fresh80/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is unrolled iterative models trained by back-propagating through the loop, written by
hand. A small neural ODE: the input lifted to a hidden state, one tanh vector field (a weight
matrix and bias shared by every step) integrated by six explicit Euler steps, a linear readout,
the mean squared error on a scalar target, the gradients clipped to a global norm and AdamW
(decoupled weight decay), in mini-batches of 16; unrolled LISTA sparse coding trained to denoise:
a learned encoder, a mutual-inhibition matrix S shared by three iterations, soft-thresholding with
a learned per-unit threshold, a decoder from the last code, half the squared reconstruction error
of the clean signal plus an L1 penalty on the code (both summed per row, averaged over rows),
RMSprop (alpha 0.9) with a StepLR decay, in mini-batches of 10; and an iterative refinement
classifier that feeds its own softmax prediction back beside the features for three passes,
each pass adding a correction to the logits, the cross-entropy of every pass averaged over the
passes, SGD with momentum and coupled weight decay and an ExponentialLR decay, in mini-batches of
20. fresh80/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh80_cases

Each case:
    id          short name (prefixed RB)
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

F = "scripts/diagnosis_sets/fresh80/"

FLOW, SPARSE, BLOBS = F + "flow.npz", F + "sparse.npz", F + "blobs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


ODE = ("--data", FLOW, "--batch-size", "16")
ODE_PARAMS = params("params['A']=lift.weight.T", "params['a']=lift.bias", "params['W']=field.weight.T",
                    "params['b']=field.bias", "params['c']=readout.weight.T", "params['c0']=readout.bias")
ODE_ALT_PARAMS = params("A=lift.weight", "a=lift.bias", "W=field.weight", "b=field.bias", "c=readout.weight",
                        "c0=readout.bias")
LISTA = ("--data", SPARSE, "--batch-size", "10")
LISTA_PARAMS = params("params['We']=We", "params['S']=S", "params['theta']=theta", "params['Wd']=Wd")
LISTA_LIN_PARAMS = params("params['We']=encode.weight.T", "params['S']=inhibit.weight.T",
                          "params['theta']=theta", "params['Wd']=decode.weight.T")
REF = ("--data", BLOBS, "--batch-size", "20")
REF_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                    "params['b2']=out.bias")
REF_ALT_PARAMS = params("p['hid_w']=hidden.weight", "p['hid_b']=hidden.bias", "p['out_w']=out.weight",
                        "p['out_b']=out.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RB01_ode_no_squeeze", side="port",
         args=pair("ode_numpy.py", "EulerODE", "01_ode_no_squeeze_port.py", "EulerODE", *ODE, *ODE_PARAMS),
         mechanism="pair: the port feeds F.mse_loss the readout's (n, 1) output without .squeeze(1) against the "
                   "(n,) target: broadcasting makes an (n, n) table of every prediction minus every target, so "
                   "the loss is the mean over n^2 pairs and each prediction is pulled toward the batch's mean "
                   "target (gradient 2/n (y_hat_i - mean y)); loss and all gradients differ from step 1",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, 1)", "(n,)", "target size",
                   "mse_loss", "mean target", "n x n", "outer", "pairwise", "reshape", "unsqueeze",
                   "dimension")),
    dict(id="RB02_ode_adam_l2", side="port",
         args=pair("ode_numpy.py", "EulerODE", "02_ode_adam_l2_port.py", "EulerODE", *ODE, *ODE_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay becomes "
                   "an L2 term WD * param added to the gradient inside the moments and divided by sqrt(v_hat), "
                   "instead of the decoupled param *= 1 - LR * WD; gradients agree, the Adam moments and "
                   "updates differ",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay", "decay",
                   "optimizer", "proportional to the parameter", "exp_avg", "moments", "update",
                   "lr * wd")),
    dict(id="RB03_lista_one_sided_shrink", side="port",
         args=pair("lista_numpy.py", "LISTA", "03_lista_one_sided_port.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the port's soft threshold is relu(u - theta), one-sided, instead of "
                   "sign(u) * relu(|u| - theta): every negative pre-activation is zeroed instead of shrunk "
                   "toward zero, so the codes, the reconstruction, the loss and every gradient differ from "
                   "step 1",
         expected=("soft threshold", "soft-threshold", "shrink", "shrinkage", "relu", "sign", "negative",
                   "one-sided", "two-sided", "abs", "theta", "threshold", "forward", "activation",
                   "nonnegative")),
    dict(id="RB04_lista_l1_mean", side="port",
         args=pair("lista_numpy.py", "LISTA", "04_lista_l1_mean_port.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the port's L1 penalty is LAM * z.abs().mean(), averaged over all n * L code entries, "
                   "instead of LAM * z.abs().sum() / n (summed per row, averaged over rows): the sparsity term "
                   "and its gradient are 1/L = 1/16 of the NumPy program's, the reconstruction term unchanged",
         expected=("l1", "penalty", "sparsity", "mean", "sum", "reduction", "code units", "1/16", "scaled",
                   "regulariz", "lam", "abs", "normaliz", "per row", "denominator")),
    dict(id="RB05_lista_rmsprop_alpha", side="port",
         args=pair("lista_numpy.py", "LISTA", "05_lista_rmsprop_alpha_port.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop(lr=LR) without alpha=ALPHA, keeping torch's "
                   "default smoothing 0.99 where the NumPy program uses 0.9: the squared-gradient average takes "
                   "(1 - 0.99) g^2 instead of (1 - 0.9) g^2, so the first update is about sqrt(10) times larger "
                   "and every later one differs; gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "square_avg", "squared gradient",
                   "moving average", "smoothing", "decay rate", "optimizer", "update", "denominator",
                   "hyperparameter")),
    dict(id="RB06_refine_detach_feedback", side="port",
         args=pair("refine_numpy.py", "Refiner", "06_refine_detach_port.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the port feeds back softmax(logits.detach()): the forward is unchanged but the "
                   "gradient no longer flows from a pass through the probabilities it read back into the "
                   "earlier passes (truncated back-propagation through the loop), so W1, b1, W2, b2 lose those "
                   "terms; the loss is right",
         expected=("detach", "feedback", "fed back", "truncated", "stop gradient", "gradient path",
                   "unrolled", "iteration", "missing term", "autograd", "previous prediction", "softmax",
                   "backprop through", "recurrent", "loop")),
    dict(id="RB07_refine_softmax_dim0", side="port",
         args=pair("refine_numpy.py", "Refiner", "07_refine_softmax_dim0_port.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the fed-back probabilities are torch.softmax(logits, dim=0), normalised over the rows "
                   "of the batch instead of over the classes (dim=1): the first pass already reads 1/n instead "
                   "of 1/C, so every pass's input, the logits, the loss and all gradients differ",
         expected=("softmax", "dim=0", "dim=1", "axis", "dimension", "batch", "normaliz", "over the rows",
                   "over classes", "probabilities", "feedback", "shape", "wrong axis", "sum to one",
                   "forward")),
    dict(id="RB08_refine_last_pass_loss", side="port",
         args=pair("refine_numpy.py", "Refiner", "08_refine_last_pass_port.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the port's loss is the cross-entropy of the last pass only instead of the average of "
                   "every pass's cross-entropy (deep supervision): the loss value and all gradients differ, the "
                   "intermediate passes get no direct supervision",
         expected=("last pass", "final", "every pass", "each pass", "deep supervision", "intermediate",
                   "average", "cross-entropy", "cross_entropy", "loss", "passes", "iterations", "all_logits",
                   "sum over")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RB09_ode_inplace_alias", side="numpy",
         args=pair("09_ode_inplace_alias_numpy.py", "EulerODE", "ode_torch.py", "EulerODE", *ODE, *ODE_PARAMS),
         mechanism="pair: the Euler step is written in place, h += DT * f, on the array already appended to the "
                   "list of states: every stored state aliases the same array, the final state, so the forward "
                   "output and loss are right but the backward takes hs[k] = h_N for every step and the shared "
                   "W's gradient (sum of h_k^T dpre) is wrong; A, a, b, c, c0 right",
         expected=("in-place", "in place", "+=", "alias", "aliasing", "same array", "cached", "cache",
                   "stored state", "copy", "overwritten", "backward", "euler", "hidden state", "view")),
    dict(id="RB10_ode_clip_per_tensor", side="numpy",
         args=pair("10_ode_clip_per_tensor_numpy.py", "EulerODE", "ode_torch.py", "EulerODE", *ODE, *ODE_PARAMS),
         mechanism="pair: the gradients are clipped one tensor at a time, each to norm MAX_NORM by its own norm, "
                   "instead of all together by the global norm as clip_grad_norm_: in the early steps A, W and c "
                   "are scaled by different factors (and the small ones not at all), so the clipped gradients, "
                   "the moments and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per-tensor",
                   "per tensor", "per parameter", "each parameter", "max_norm", "gradient norm", "scale",
                   "factor", "norm")),
    dict(id="RB11_lista_theta_sign", side="numpy",
         args=pair("11_lista_theta_sign_numpy.py", "LISTA", "lista_torch.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the threshold's gradient drops sign(u): it sums -du over the active units instead of "
                   "-sign(u) du, so where the pre-activation is negative the contribution has the wrong sign; "
                   "only theta's gradient is wrong, the loss and the other gradients are right",
         expected=("theta", "threshold", "sign", "sign(u)", "soft threshold", "shrink", "derivative",
                   "backward", "negative", "wrong sign", "gradient", "subgradient", "missing factor",
                   "learned threshold")),
    dict(id="RB12_lista_recon_noisy", side="numpy",
         args=pair("12_lista_recon_noisy_numpy.py", "LISTA", "lista_torch.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the training step's reconstruction error is taken against the noisy input X instead "
                   "of the clean target y: the loss and every gradient measure reconstruction of the noise "
                   "(an autoencoder instead of a denoiser); the difference is the noise, 0.1 per entry",
         expected=("target", "input", "noisy", "clean", "wrong target", "x instead of y", "denoising",
                   "reconstruction", "residual", "loss", "data", "label", "y", "autoencoder")),
    dict(id="RB13_lista_S_overwrite", side="numpy",
         args=pair("13_lista_S_overwrite_numpy.py", "LISTA", "lista_torch.py", "LISTA", *LISTA, *LISTA_PARAMS),
         mechanism="pair: the shared inhibition matrix's gradient is assigned (=) instead of accumulated (+=) "
                   "in the backward loop over the iterations: S keeps only the first iteration's term "
                   "z_0^T du_1 and loses the later ones; the loss and the other gradients are right",
         expected=("accumulate", "+=", "overwrite", "overwritten", "shared", "weight sharing", "iterations",
                   "unrolled", "sum over", "only the last", "first iteration", "backward", "tied",
                   "inhibition", "s")),
    dict(id="RB14_refine_softmax_diag", side="numpy",
         args=pair("14_refine_softmax_diag_numpy.py", "Refiner", "refine_torch.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the gradient through the fed-back probabilities uses only the diagonal of the softmax "
                   "Jacobian, p * dp, dropping - p * sum(p * dp): the earlier passes' logits get the wrong "
                   "gradient, so W1, b1, W2, b2 are wrong while the loss is right",
         expected=("softmax", "jacobian", "diagonal", "derivative", "p * (1 - p)", "off-diagonal", "backward",
                   "feedback", "probabilities", "sum", "chain rule", "gradient", "missing term",
                   "fed back")),
    dict(id="RB15_refine_exp_decay_early", side="numpy",
         args=pair("15_refine_exp_decay_early_numpy.py", "Refiner", "refine_torch.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the exponential decay is LR * GAMMA ** t with t already counted, instead of "
                   "GAMMA ** (t - 1): the schedule runs one step ahead, every update made with 0.95 times "
                   "the learning rate; gradients and momentum buffers agree, the updates are 0.95 of torch's",
         expected=("schedule", "scheduler", "exponential", "exponentiallr", "gamma", "decay", "learning rate",
                   "off by one", "off-by-one", "one step", "early", "0.95", "constant factor", "lr", "t - 1")),
    dict(id="RB16_refine_pass_mean_grad", side="numpy",
         args=pair("16_refine_pass_mean_grad_numpy.py", "Refiner", "refine_torch.py", "Refiner", *REF, *REF_PARAMS),
         mechanism="pair: the loss averages the passes' cross-entropies but the backward seeds each pass's logits "
                   "with (p - Y) / n, not / (n * PASSES): every gradient is PASSES = 3 times too large while the "
                   "loss is right (the gradient of the sum over passes, not of the mean)",
         expected=("passes", "average", "mean", "sum", "factor", "3", "three", "scale", "scaled",
                   "number of passes", "loss and gradient", "inconsistent", "backward", "1/k", "normaliz")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RB17_ode_attr_layout_numpy", side="correct",
         args=pair("ode_alt_numpy.py", "EulerODEAlt", "ode_torch.py", "EulerODE", *ODE, *ODE_ALT_PARAMS),
         mechanism="pair: the Euler neural ODE in NumPy with attribute parameters in torch's (out, in) layout, "
                   "cached pre-activations, states in a preallocated 3-D array, the global norm from "
                   "np.linalg.norm over one concatenated vector and AdamW's bias corrections as running beta "
                   "powers; against the nn.Linear port", expected=()),
    dict(id="RB18_lista_linear_port", side="correct",
         args=pair("lista_numpy.py", "LISTA", "lista_linear_torch.py", "LISTALinear", *LISTA, *LISTA_LIN_PARAMS),
         mechanism="pair: LISTA port with bias-free nn.Linear encoder, inhibition and decoder (transposed "
                   "layouts), the soft threshold as u - clamp(u, -theta, theta), F.mse_loss(reduction='sum') "
                   "and vector_norm(ord=1), and a MultiStepLR standing for the step decay", expected=()),
    dict(id="RB19_refine_blocks_numpy", side="correct",
         args=pair("refine_alt_numpy.py", "RefinerAlt", "refine_torch.py", "Refiner", *REF, *REF_ALT_PARAMS),
         mechanism="pair: the refinement classifier in NumPy with (out, in) weights under other names, the "
                   "hidden weight applied in two column blocks and its gradient rebuilt with np.hstack, a "
                   "log-sum-exp cross-entropy with integer label indexing and the exponential decay as a "
                   "learning rate multiplied by GAMMA after each update", expected=()),
]
