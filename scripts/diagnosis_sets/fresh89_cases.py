"""Eighty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh89/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is Lipschitz-constrained and monotonic networks written by hand. A regressor whose three
linear layers are spectrally normalised by one step of power iteration per training step (the
right singular vector kept as state from step to step, u and v held constant for the gradient,
sigma differentiated, so W's gradient is G / sigma - <G, W> / sigma^2 v u^T), GroupSort (MaxMin)
activations, the mean squared error and AdamW with a StepLR schedule; a WGAN critic scored on
labelled real and fake samples, its loss the Wasserstein estimate (each class averaged on its own)
plus a gradient penalty on the per-sample input gradient, derived by hand in NumPy (through W1,
W2 and tanh' = 1 - h^2) and by torch.autograd.grad(create_graph=True) in the port, trained with
RMSprop and every parameter clipped to [-c, c] after the update; and a monotone binary classifier
whose weights are kept positive by a softplus reparameterisation (the raw V are the parameters,
their gradient times sigmoid(V)), binary cross-entropy on the logit, gradients clipped by their
global norm, then SGD with momentum, L2 weight decay and an exponential schedule.
fresh89/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh89_cases

Each case:
    id          short name (prefixed RK)
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

F = "scripts/diagnosis_sets/fresh89/"

LIPREG, CRITIC, MONOTONE = F + "lipreg.npz", F + "critic.npz", F + "monotone.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SN = ("--data", LIPREG, "--batch-size", "16")
SN_PARAMS = params("params['W1']=l1.weight.T", "params['b1']=l1.bias", "params['W2']=l2.weight.T",
                   "params['b2']=l2.bias", "params['W3']=l3.weight.T", "params['b3']=l3.bias")
SN_BUILTIN_PARAMS = params("params['W1']=body.0.parametrizations.weight.original.T", "params['b1']=body.0.bias",
                           "params['W2']=body.1.parametrizations.weight.original.T", "params['b2']=body.1.bias",
                           "params['W3']=body.2.parametrizations.weight.original.T", "params['b3']=body.2.bias")
WC = ("--data", CRITIC, "--batch-size", "20")
WC_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
WC_COL_PARAMS = params("W_hid=fc1.weight", "b_hid=fc1.bias", "w_out=fc2.weight", "b_out=fc2.bias")
MN = ("--data", MONOTONE)
MN_PARAMS = params("params['V1']=fc1.weight.T", "params['b1']=fc1.bias", "params['V2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
MN_LAYER_PARAMS = params("layers[0]['V']=fc1.weight.T", "layers[0]['b']=fc1.bias",
                         "layers[1]['V']=fc2.weight.T", "layers[1]['b']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RK01_sn_state_not_kept", side="port",
         args=pair("sn_numpy.py", "SNRegressor", "01_sn_state_not_kept_port.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the port's power iteration computes the new right vector v but never writes it back "
                   "into its buffer (the self.v.copy_(v) line is missing): every step restarts one power "
                   "iteration from the initial vector, so from step 2 on its sigma estimate (and W / sigma, the "
                   "output, the loss, every gradient) differs from the NumPy program's, whose vector is refined "
                   "step after step",
         expected=("power iteration", "spectral norm", "sigma", "singular value", "buffer", "state", "persist",
                   "not updated", "copy_", "u vector", "v vector", "initial vector", "stale", "each step",
                   "step 2")),
    dict(id="RK02_sn_sigma_no_grad", side="port",
         args=pair("sn_numpy.py", "SNRegressor", "02_sn_sigma_nograd_port.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the port computes sigma = u^T W v inside the torch.no_grad() block with u and v, so "
                   "sigma is a constant for autograd: each weight's gradient is G / sigma and loses the "
                   "- <G, W> / sigma^2 v u^T term that the NumPy program (and torch's spectral_norm) keeps; the "
                   "forward and the loss agree, the weight gradients (not the biases') differ",
         expected=("sigma", "no_grad", "detach", "constant", "spectral norm", "gradient through sigma",
                   "missing term", "backward", "autograd", "singular value", "normaliz", "w / sigma",
                   "outer product", "weight gradient")),
    dict(id="RK03_sn_scheduler_first", side="port",
         args=pair("sn_numpy.py", "SNRegressor", "03_sn_sched_order_port.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(), so the StepLR halving comes one "
                   "update early: update 6 (and 12, 18) already uses half (a quarter, an eighth of) the learning "
                   "rate the NumPy program uses there, which decays at update 7, 13, 19; gradients and moments "
                   "agree, only those updates differ, by a factor 0.5",
         expected=("scheduler", "schedule", "steplr", "learning rate", "order", "scheduler.step()",
                   "optimizer.step()", "before", "off by one", "one step early", "decay", "gamma", "factor",
                   "0.5", "update")),
    dict(id="RK04_wc_clamp_not_inplace", side="port",
         args=pair("critic_numpy.py", "GPCritic", "04_critic_clamp_port.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: the port's weight clipping is p.clamp(-CLIP, CLIP), whose result is thrown away, instead "
                   "of the in-place p.clamp_: no parameter is ever clipped, so wherever an RMSprop step carries a "
                   "weight past +-0.5 the port keeps it outside the box while the NumPy program clips it to the "
                   "bound; the gradients agree, the updates of those weights differ",
         expected=("clip", "clipping", "clamp", "clamp_", "in-place", "in place", "weight clipping", "bound",
                   "[-c, c]", "lipschitz", "wgan", "not applied", "discarded", "update", "critic")),
    dict(id="RK05_wc_no_create_graph", side="port",
         args=pair("critic_numpy.py", "GPCritic", "05_critic_create_graph_port.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: the port takes the input gradient with torch.autograd.grad(..., retain_graph=True) "
                   "instead of create_graph=True: the gradient is a constant, so the penalty adds to the loss "
                   "value but nothing to the parameter gradients; the loss agrees, every gradient lacks the "
                   "gradient-penalty part",
         expected=("create_graph", "gradient penalty", "penalty", "autograd.grad", "double backward",
                   "second order", "retain_graph", "no gradient", "missing term", "input gradient", "wgan-gp",
                   "constant", "detached", "backward", "lipschitz")),
    dict(id="RK06_wc_norm_over_batch", side="port",
         args=pair("critic_numpy.py", "GPCritic", "06_critic_batch_norm_port.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: the port's penalty is (grad_x.norm() - 1)^2, the norm of the whole batch's input "
                   "gradients taken together (a Frobenius norm over samples and features), instead of "
                   "grad_x.norm(dim=1), one norm per sample: the penalty value and its gradients differ from the "
                   "first step (the Wasserstein part agrees)",
         expected=("norm", "dim=1", "per sample", "per-sample", "whole batch", "frobenius", "gradient penalty",
                   "penalty", "axis", "reduction", "input gradient", "shape", "batch", "each sample")),
    dict(id="RK07_mn_raw_output_weight", side="port",
         args=pair("monotone_numpy.py", "MonotoneNet", "07_mono_raw_out_port.py", "MonotoneNet", *MN, *MN_PARAMS),
         mechanism="pair: the port's output layer is self.fc2(h), the raw parameter V2 used as the weight, "
                   "instead of F.linear(h, F.softplus(self.fc2.weight), ...): the second layer's weights are "
                   "not made positive (and may be negative, breaking monotonicity), so the logit, the loss and "
                   "every gradient differ from the first step",
         expected=("softplus", "reparameter", "positive", "non-negative", "monotone", "monotonic", "raw weight",
                   "output layer", "fc2", "forward", "missing transform", "constraint", "effective weight",
                   "second layer")),
    dict(id="RK08_mn_clip_after_step", side="port",
         args=pair("monotone_numpy.py", "MonotoneNet", "08_mono_clip_after_port.py", "MonotoneNet", *MN, *MN_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step(): the step uses the unclipped "
                   "gradients (global norm 0.27-0.4 against MAX_NORM 0.25 over the first nine steps), so the "
                   "momentum buffers and updates are larger than the NumPy program's; the .grad left after the step "
                   "is clipped and agrees",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient norm", "max_norm", "order", "after",
                   "optimizer.step()", "before", "unclipped", "momentum buffer", "update", "global norm",
                   "scaled")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RK09_sn_sigma_grad_power", side="numpy",
         args=pair("09_sn_sigma_grad_numpy.py", "SNRegressor", "sn_torch.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the hand-written gradient through sigma divides <G, W> by sigma instead of sigma^2: "
                   "W's gradient is G / sigma - <G, W> / sigma * v u^T, the correction term off by a factor "
                   "sigma (about 1.2 to 1.7 at the start) in all three weights; the loss and the bias gradients agree",
         expected=("sigma", "sigma^2", "sigma ** 2", "spectral norm", "singular value", "backward", "gradient",
                   "derivative", "quotient rule", "w / sigma", "outer product", "factor", "missing power",
                   "chain rule")),
    dict(id="RK10_sn_u_not_normalised", side="numpy",
         args=pair("10_sn_u_unnormalised_numpy.py", "SNRegressor", "sn_torch.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the power iteration's left vector is u = W^T v without normalising it to unit length, "
                   "so sigma = v^T W u is the singular-value estimate times |W^T v| (a factor from about 0.1 to 1.2 "
                   "at the start, not 1): each layer is divided by a wrongly scaled sigma, and the output, the "
                   "loss and every gradient differ from the first step",
         expected=("normaliz", "normalis", "unit length", "unit norm", "power iteration", "u vector", "sigma",
                   "spectral norm", "singular value", "overestimate", "squared", "forward", "scale", "w / sigma")),
    dict(id="RK11_sn_groupsort_routing", side="numpy",
         args=pair("11_sn_groupsort_route_numpy.py", "SNRegressor", "sn_torch.py", "SNRegressor", *SN, *SN_PARAMS),
         mechanism="pair: the GroupSort (MaxMin) backward routes the gradient of the min output with the max's "
                   "mask, np.where(top, dmax, dmin) for the second unit of each pair: both units of a pair receive "
                   "the gradient meant for the first unit (dmax where it is the larger, dmin where not), the other "
                   "output's gradient is lost; W1, b1, W2, b2 get wrong gradients, the loss, W3 and b3 are right",
         expected=("groupsort", "group sort", "maxmin", "max", "min", "sort", "permutation", "routing", "argmax",
                   "mask", "activation", "backward", "derivative", "swap", "pair")),
    dict(id="RK12_wc_gp_tanh_path", side="numpy",
         args=pair("12_critic_gp_tanh_path_numpy.py", "GPCritic", "critic_torch.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: the hand-written penalty gradient leaves out the path through tanh' = 1 - h^2 "
                   "(dh = df W2^T without - 2 h dA W2): the input gradient's dependence on the pre-activation "
                   "is treated as constant, so W1's and b1's gradients lack the penalty's second-order term "
                   "(W2's, b2's and the loss are right)",
         expected=("gradient penalty", "penalty", "second derivative", "second order", "tanh", "1 - h^2",
                   "-2h", "hessian", "missing term", "backward", "input gradient", "double backward",
                   "chain rule", "w1", "b1")),
    dict(id="RK13_wc_batch_mean", side="numpy",
         args=pair("13_critic_batch_mean_numpy.py", "GPCritic", "critic_torch.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: the Wasserstein estimate averages each class's scores over the whole batch (sign / n) "
                   "instead of over the class's own count: with ten real and ten fake rows per batch the "
                   "Wasserstein term and its gradients are halved while the gradient penalty is not",
         expected=("wasserstein", "mean", "per class", "class count", "batch size", "denominator", "normaliz",
                   "halved", "0.5", "factor 2", "real", "fake", "loss", "reduction", "count")),
    dict(id="RK14_mn_softplus_derivative", side="numpy",
         args=pair("14_mono_softplus_deriv_numpy.py", "MonotoneNet", "monotone_torch.py", "MonotoneNet", *MN,
                   *MN_PARAMS),
         mechanism="pair: the softplus reparameterisation's derivative is taken as sigmoid(W1), of the already "
                   "transformed weight softplus(V1), instead of sigmoid(V1) of the raw parameter: V1's gradient is "
                   "scaled elementwise by the wrong factor (larger than it should be), the other gradients and the "
                   "loss are right (then the global-norm clipping spreads it to every update)",
         expected=("softplus", "sigmoid", "derivative", "reparameter", "raw parameter", "already transformed",
                   "applied twice", "chain rule", "backward", "v1", "effective weight", "activated",
                   "wrong argument", "elementwise")),
    dict(id="RK15_wc_rmsprop_no_one_minus_alpha", side="numpy",
         args=pair("15_critic_rmsprop_alpha_numpy.py", "GPCritic", "critic_torch.py", "GPCritic", *WC, *WC_PARAMS),
         mechanism="pair: RMSprop's square average adds the full g^2 instead of (1 - ALPHA) g^2 "
                   "(square_avg = ALPHA * square_avg + g^2): the average is about ten times too large, so every "
                   "update is about sqrt(10) times too small; the gradients agree, the square averages and updates "
                   "differ from the first step",
         expected=("rmsprop", "square_avg", "1 - alpha", "alpha", "moving average", "second moment",
                   "squared gradient", "denominator", "optimizer", "update", "too small", "sqrt", "decay",
                   "smoothing")),
    dict(id="RK16_mn_rows_axis", side="numpy",
         args=pair("16_mono_rows_axis_numpy.py", "MonotoneNet", "monotone_torch.py", "MonotoneNet", *MN, *MN_PARAMS),
         mechanism="pair: the batch size is read as n = X.shape[1] (the 4 features) instead of X.shape[0] (the 60 "
                   "rows): the cross-entropy is summed over the rows and divided by 4, the loss and every gradient "
                   "15 times too large (then clipped to the global norm, so the updates differ too)",
         expected=("shape", "shape[0]", "shape[1]", "axis", "batch size", "number of rows", "features", "mean",
                   "sum", "scaled", "15", "denominator", "normaliz", "reduction", "loss")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RK17_sn_builtin_spectral_norm_port", side="correct",
         args=pair("sn_numpy.py", "SNRegressor", "sn_builtin_torch.py", "SNRegressorBuiltin", *SN, *SN_BUILTIN_PARAMS),
         mechanism="pair: the spectrally normalised regressor ported with torch.nn.utils.parametrizations."
                   "spectral_norm on nn.Linear layers in an nn.ModuleList (parameters named "
                   "body.i.parametrizations.weight.original), its _v buffer set to the NumPy starting vector, "
                   "MaxMin as torch.maximum / torch.minimum stacked, the squared error written out and the step "
                   "schedule as a LambdaLR", expected=()),
    dict(id="RK18_wc_columns_numpy", side="correct",
         args=pair("critic_columns_numpy.py", "ColumnCritic", "critic_torch.py", "GPCritic", *WC, *WC_COL_PARAMS),
         mechanism="pair: the gradient-penalty critic in NumPy with samples as columns, (out, in) weights kept as "
                   "attributes, boolean class masks, the penalty's backward written column-wise, RMSprop state "
                   "in a list and clipping by np.minimum/np.maximum with setattr; against the nn.Linear port",
         expected=()),
    dict(id="RK19_mn_layer_list_numpy", side="correct",
         args=pair("monotone_layers_numpy.py", "LayeredMonotoneNet", "monotone_torch.py", "MonotoneNet", *MN,
                   *MN_LAYER_PARAMS),
         mechanism="pair: the monotone classifier in NumPy with the layers as a list of dicts, softplus as "
                   "max(v, 0) + log1p(exp(-|v|)), sigmoid through tanh, the cross-entropy on probabilities, the "
                   "clipping norm over one concatenated vector, momentum buffers in a list, a running learning "
                   "rate multiplied by GAMMA, and no gradient dict", expected=()),
]
