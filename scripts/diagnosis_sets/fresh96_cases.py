"""Ninety-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh96/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is normalizing flows on low-dimensional data written by hand, trained by the exact
negative log-likelihood under a standard normal base. A RealNVP on 4-D data: two affine coupling
layers (half the features pass through, the other half become x2 * exp(s) + t with
s = tanh(head), s and t from a small tanh MLP on the first half) with a feature reversal between
them, the NLL 0.5 |z|^2 + 2 log(2 pi) - sum of log-determinants averaged over the batch, the
gradients clipped to a global L2 norm of 1 and Adam with an L2 weight decay in the gradient; and a
Glow-like flow on 6-D data: a learned invertible linear layer x A (log|det A| from slogdet, its
gradient inv(A)^T) then one coupling with a ReLU MLP and a learned per-feature scale on tanh(s),
the loss in bits per dimension, heavy-ball SGD momentum with weight decay on the weight matrices
only and a step decay of the learning rate (halved every five updates). The data carry no target
(y is a column of zeros, unused). fresh96/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh96_cases

Each case:
    id          short name (prefixed RR)
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

F = "scripts/diagnosis_sets/fresh96/"

MOONS, BLOBS = F + "moons4.npz", F + "blobs6.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


NVP = ("--data", MOONS, "--batch-size", "16")
NVP_PARAMS = params(*[f"params['c{k}_{a}']=couplings.{k}.{m}.{w}" for k in (0, 1)
                      for a, m, w in (("W1", "fc1", "weight.T"), ("b1", "fc1", "bias"),
                                      ("Ws", "s_head", "weight.T"), ("bs", "s_head", "bias"),
                                      ("Wt", "t_head", "weight.T"), ("bt", "t_head", "bias"))])
NVP_ALT_PARAMS = params(*[f"params['{a}{k}_{t}']=couplings.{k}.{m}.{w}" for k in (0, 1)
                          for a, m in (("fc", "fc1"), ("s", "s_head"), ("t", "t_head"))
                          for t, w in (("w", "weight"), ("b", "bias"))])
NVP_P_PARAMS = params(*[f"params['c{k}_{a}']=weights.c{k}_{a}" for k in (0, 1)
                        for a in ("W1", "b1", "Ws", "bs", "Wt", "bt")])
GLOW = ("--data", BLOBS, "--batch-size", "20")
GLOW_PARAMS = params("params['A']=A", "params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                     "params['Ws']=s_head.weight.T", "params['bs']=s_head.bias", "params['Wt']=t_head.weight.T",
                     "params['bt']=t_head.bias", "params['scale']=scale")
GLOW_ALT_PARAMS = params("params['A']=A", "params['W1']=heads.hidden.weight.T", "params['b1']=heads.hidden.bias",
                         "params['Ws']=heads.log_scale.weight.T", "params['bs']=heads.log_scale.bias",
                         "params['Wt']=heads.shift.weight.T", "params['bt']=heads.shift.bias",
                         "params['scale']=scale")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RR01_nvp_flip_batch", side="port",
         args=pair("realnvp_numpy.py", "RealNVP", "01_flip_batch_port.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: the permutation between the couplings is torch.flip(x, dims=[0]) instead of dims=[1]: "
                   "it reverses the rows of the batch (harmless to the batch mean) instead of the features, so the "
                   "second coupling again conditions on the first half and transforms the already transformed "
                   "half, the first two features are never transformed; z, the log-determinant, the loss and "
                   "every gradient differ from step 1",
         expected=("flip", "torch.flip", "dims", "dim=0", "dims=[1]", "permutation", "reverse", "feature axis",
                   "batch axis", "wrong axis", "rows", "features", "coupling", "conditioning", "forward")),
    dict(id="RR02_nvp_logdet_raw", side="port",
         args=pair("realnvp_numpy.py", "RealNVP", "02_logdet_raw_port.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: each coupling returns the log-determinant as the sum of the raw s-head output "
                   "self.s_head(h) instead of the tanh-bounded s it scales by: z is right but the "
                   "log-determinant, hence the loss, and the gradients of the s heads and the hidden layers "
                   "differ (the t heads' gradients agree)",
         expected=("log-determinant", "log det", "logdet", "jacobian", "tanh", "raw", "pre-activation",
                   "before tanh", "scale", "s_head", "log-scale", "coupling", "loss", "likelihood",
                   "change of variables")),
    dict(id="RR03_nvp_clip_after_step", side="port",
         args=pair("realnvp_numpy.py", "RealNVP", "03_clip_after_step_port.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: clip_grad_norm_ is called after optimizer.step(), so Adam updates with the unclipped "
                   "gradients (global norm 1.2 to 6.4, above MAX_NORM = 1 at every step) and the .grad left "
                   "behind is clipped: the compared gradients agree, the Adam moments and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient norm", "max_norm", "order", "after step",
                   "before optimizer.step", "unclipped", "update", "optimizer", "adam", "moments", "global norm",
                   "too late")),
    dict(id="RR04_nvp_adamw", side="port",
         args=pair("realnvp_numpy.py", "RealNVP", "04_adamw_port.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: the port uses torch.optim.AdamW(weight_decay=WD) where the NumPy program adds WD * p "
                   "to the gradient before Adam's moments (torch.optim.Adam(weight_decay=WD)): the decay becomes "
                   "decoupled, p shrunk by LR * WD * p outside the adaptive step; gradients agree, updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled", "in the gradient",
                   "proportional to the parameter", "optimizer", "update", "regulariz", "lr * wd",
                   "moments", "decay")),
    dict(id="RR05_glow_linear_transposed", side="port",
         args=pair("glowlite_numpy.py", "GlowLite", "05_linear_transposed_port.py", "GlowLite", *GLOW,
                   *GLOW_PARAMS),
         mechanism="pair: the invertible layer is nn.functional.linear(x, self.A), that is x @ A.T, where the "
                   "NumPy program computes x @ A: log|det A| is unchanged (det A^T = det A) but u, z, the loss and "
                   "all gradients differ from step 1, A's data gradient coming out transposed",
         expected=("transpose", "transposed", "f.linear", "linear", "x @ a", "a.t", "layout", "invertible",
                   "1x1", "matrix", "weight", "forward", "convention", "(out, in)", "orientation")),
    dict(id="RR06_glow_sched_before_step", side="port",
         args=pair("glowlite_numpy.py", "GlowLite", "06_sched_before_step_port.py", "GlowLite", *GLOW,
                   *GLOW_PARAMS),
         mechanism="pair: scheduler.step() is called before optimizer.step(), so the StepLR counter runs one "
                   "update ahead: the learning rate is halved at updates 5, 10 and 15 instead of 6, 11 and 16 "
                   "(those three updates are made at half the rate); gradients agree, the first four updates too",
         expected=("scheduler", "steplr", "learning rate", "schedule", "scheduler.step", "order",
                   "before optimizer.step", "off by one", "off-by-one", "one step early", "step decay", "halved",
                   "gamma", "lr", "step_size")),
    dict(id="RR07_glow_decay_all", side="port",
         args=pair("glowlite_numpy.py", "GlowLite", "07_decay_all_port.py", "GlowLite", *GLOW, *GLOW_PARAMS),
         mechanism="pair: one SGD parameter group with weight_decay=WD over model.parameters() where the NumPy "
                   "program decays only A, W1, Ws and Wt: the biases and the learned scale (about 1) also get "
                   "WD * p in their update; gradients agree, the updates of b1, bs, bt and scale differ by a "
                   "term proportional to the parameter",
         expected=("weight decay", "weight_decay", "bias", "biases", "scale", "parameter group", "param_groups",
                   "no_decay", "all parameters", "proportional to the parameter", "l2", "regulariz", "sgd",
                   "update", "exclude")),
    dict(id="RR08_glow_nats_per_dim", side="port",
         args=pair("glowlite_numpy.py", "GlowLite", "08_nats_per_dim_port.py", "GlowLite", *GLOW, *GLOW_PARAMS),
         mechanism="pair: the bits-per-dimension loss divides the mean NLL by D instead of D * ln 2 (nats per "
                   "dimension): the loss and every gradient are 1 / ln 2 = 1.4427 times too large, one factor "
                   "for all parameters, and SGD's updates with them",
         expected=("bits per dim", "bits", "nats", "ln 2", "log(2)", "log 2", "1.44", "1/ln", "scale",
                   "factor", "loss", "normaliz", "units", "constant factor", "all gradients")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RR09_nvp_tanh_twice", side="numpy",
         args=pair("09_tanh_twice_numpy.py", "RealNVP", "realnvp_torch.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: the backward through s = tanh(head) multiplies by 1 - tanh(s)^2, applying tanh a second "
                   "time to the already bounded s, instead of 1 - s^2: the factor is too large, so the s heads' "
                   "gradients and everything upstream (the hidden layers, the first coupling) are wrong; the "
                   "loss and the last coupling's t head are right",
         expected=("tanh", "derivative", "1 - s^2", "1 - tanh", "twice", "double", "already", "activation",
                   "backward", "s_head", "log-scale", "chain rule", "gradient", "bounded scale")),
    dict(id="RR10_nvp_no_logdet_grad", side="numpy",
         args=pair("10_no_logdet_grad_numpy.py", "RealNVP", "realnvp_torch.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: the hand-written gradient of s drops the log-determinant term, ds = dy2 * x2 * exp(s) "
                   "instead of that minus 1/n: the loss subtracts sum(s) but the backward ignores it, so the s "
                   "heads, hidden layers and the first coupling get wrong gradients (the t head of the last "
                   "coupling is right, the loss too)",
         expected=("log-determinant", "log det", "logdet", "jacobian", "missing term", "1/n", "backward",
                   "gradient", "s", "scale", "sum(s)", "likelihood", "inconsistent", "change of variables")),
    dict(id="RR11_nvp_scale_grad_no_exp", side="numpy",
         args=pair("11_scale_grad_no_exp_numpy.py", "RealNVP", "realnvp_torch.py", "RealNVP", *NVP,
                   *NVP_PARAMS),
         mechanism="pair: the derivative of x2 * exp(s) with respect to s is written as dy2 * x2, without the "
                   "factor exp(s): the s-path gradients (s heads, hidden layers, earlier coupling) are off by "
                   "exp(s) per entry (e^-1 to e); the loss and the last t head are right",
         expected=("exp(s)", "exp", "exponential", "missing factor", "derivative", "chain rule", "scale",
                   "x2 * exp(s)", "backward", "gradient", "s", "log-scale", "affine coupling", "multiplicative")),
    dict(id="RR12_nvp_clip_sum_norms", side="numpy",
         args=pair("12_clip_sum_norms_numpy.py", "RealNVP", "realnvp_torch.py", "RealNVP", *NVP, *NVP_PARAMS),
         mechanism="pair: the clipping norm is the sum of the per-parameter norms, sum(sqrt(sum g^2)), instead of "
                   "the global norm sqrt(sum of all g^2) that clip_grad_norm_ uses: the norm is overestimated, "
                   "so the clip coefficient is smaller and the clipped gradients are smaller than torch's by "
                   "one step-varying factor for all parameters",
         expected=("clip", "clipping", "norm", "global norm", "total norm", "sum of norms", "l2 norm",
                   "clip_grad_norm_", "max_norm", "factor", "scaled", "all parameters", "sqrt", "coefficient")),
    dict(id="RR13_glow_inv_not_transposed", side="numpy",
         args=pair("13_inv_not_transposed_numpy.py", "GlowLite", "glowlite_torch.py", "GlowLite", *GLOW,
                   *GLOW_PARAMS),
         mechanism="pair: the gradient of log|det A| is taken as inv(A) instead of inv(A).T: A's gradient has its "
                   "log-determinant part transposed (A is not symmetric); the loss and every other gradient are "
                   "right",
         expected=("inverse", "inv", "transpose", "inv(a).t", "log-determinant", "logdet", "slogdet", "jacobian",
                   "invertible", "matrix", "a", "backward", "gradient", "determinant")),
    dict(id="RR14_glow_shift_before_scale", side="numpy",
         args=pair("14_shift_before_scale_numpy.py", "GlowLite", "glowlite_torch.py", "GlowLite", *GLOW,
                   *GLOW_PARAMS),
         mechanism="pair: the coupling's forward computes (u2 + t) * exp(s), shifting before scaling, instead of "
                   "u2 * exp(s) + t: z and the loss differ from step 1 (the log-determinant is the same) and the "
                   "backward, still written for u2 * exp(s) + t, is inconsistent with its own forward",
         expected=("shift", "scale", "order", "affine", "coupling", "(x + t)", "exp(s)", "forward", "translation",
                   "u2 * exp(s) + t", "t", "inconsistent", "backward", "z")),
    dict(id="RR15_glow_const_once", side="numpy",
         args=pair("15_const_once_numpy.py", "GlowLite", "glowlite_torch.py", "GlowLite", *GLOW, *GLOW_PARAMS),
         mechanism="pair: the Gaussian normalising constant is added once per row, 0.5 log(2 pi), instead of "
                   "once per dimension, 0.5 D log(2 pi): the reported loss is too low by a constant (about "
                   "1.1 bits per dimension) while the gradients and updates are right",
         expected=("constant", "log(2 pi)", "2pi", "normalizing constant", "normalising constant", "per dimension",
                   "d *", "offset", "loss only", "loss value", "gaussian", "base distribution", "log_prob",
                   "reported loss")),
    dict(id="RR16_glow_smooth_decay", side="numpy",
         args=pair("16_smooth_decay_numpy.py", "GlowLite", "glowlite_torch.py", "GlowLite", *GLOW, *GLOW_PARAMS),
         mechanism="pair: the step decay writes GAMMA ** (t / STEP_SIZE) with true division instead of floor "
                   "division //: the learning rate decays smoothly (by 0.5^(1/5) = 0.87 each update) instead of "
                   "halving every five updates; the first update agrees, the later ones are made at a different "
                   "rate while the gradients agree",
         expected=("schedule", "learning rate", "step decay", "steplr", "floor", "//", "integer division",
                   "exponential", "gamma", "decay", "lr", "smooth", "step_size", "update")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RR17_nvp_alt_numpy", side="correct",
         args=pair("realnvp_alt_numpy.py", "RealNVPAlt", "realnvp_torch.py", "RealNVP", *NVP, *NVP_ALT_PARAMS),
         mechanism="pair: the RealNVP in NumPy with weights kept (out, in) as torch keeps them and applied as "
                   "x @ W.T, the reversal as an index array with np.argsort for its inverse, np.einsum products, "
                   "np.split/np.hstack, a cache dict, separate backward() and update(), np.linalg.norm for the "
                   "global clip and Adam with its bias corrections folded into the step size and eps",
         expected=()),
    dict(id="RR18_nvp_paramdict_port", side="correct",
         args=pair("realnvp_numpy.py", "RealNVP", "realnvp_params_torch.py", "RealNVPP", *NVP, *NVP_P_PARAMS),
         mechanism="pair: RealNVP port with raw (in, out) nn.Parameters in an nn.ParameterDict applied with "
                   "torch.addmm, the reversal by index_select on a registered buffer, the base density from "
                   "torch.distributions.Normal.log_prob, hand-written global-norm clipping and "
                   "Adam(foreach=False, weight_decay)", expected=()),
    dict(id="RR19_glow_alt_port", side="correct",
         args=pair("glowlite_numpy.py", "GlowLite", "glowlite_alt_torch.py", "GlowLiteAlt", *GLOW, *GLOW_ALT_PARAMS),
         mechanism="pair: Glow-like port applying A with F.linear(x, A.t()), torch.slogdet, an nn.ModuleDict of "
                   "the coupling layers, torch.chunk and torch.addcmul, Normal.log_prob for the bits-per-dimension "
                   "loss, the weight-decay group chosen by parameter name and the step decay as a LambdaLR",
         expected=()),
]
