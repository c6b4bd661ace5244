"""Fifty-second fresh held-out set for the diagnosis: one planted bug per program in fresh52/
(eight PyTorch ports and eight NumPy programs, every one checked as a pair against the user's own
correct program on the other side, --as-written: the kit's dense network cannot express a density
model) and three correct pairs in unusual styles. The theme is small normalising flows and density
models trained by maximum likelihood on 2-D data: an element-wise affine flow
z = (x - mu) exp(-log_s) with log|det| = -sum(log_s), the same flow with a softplus-parametrised
scale, a planar flow z = x + u tanh(w.x + b) with log|det| = log|1 + u.psi(x)|, and a RealNVP-style
affine coupling layer with a fixed binary mask followed by an element-wise affine layer; the base
density is the standard normal -0.5 z^2 - 0.5 log(2 pi) per coordinate and the negative
log-likelihood is averaged over the rows. The target y in the data files is unused (zeros).
fresh52/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh52_cases

Each case:
    id          short name (prefixed PZ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, written in a `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh52/"
BANANA, BLOBS = F + "banana.npz", F + "blobs2d.npz"


def pair(stem: str, name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{stem}_numpy.py:{name}", "--torch", f"{F}{stem}_torch.py:{name}", "--as-written",
            "--init", f"net = {name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


AFF = params("mu=mu", "log_s=log_s")
SPL = params("mu=mu", "rho=rho")
PLN = params("u=u", "w=w", "b=b")
CPL = params("W1=cond.weight.T", "b1=cond.bias", "Ws=s_head.weight.T", "bs=s_head.bias", "Wt=t_head.weight.T",
             "bt=t_head.bias", "mu=mu", "log_s=log_s")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PZ01_affine_logdet_sign", side="port",
         args=pair("01_affine_flow", "AffineFlow", "--data", BANANA, *AFF),
         mechanism="pair: the port's loss is -(log_pz - log_det).mean() instead of -(log_pz + log_det).mean(): the "
                   "log-determinant -sum(log_s) enters the negative log-likelihood with its sign flipped, so the "
                   "loss differs by 2 sum(log_s) and the log_s gradient is -mean(z^2) - 1 instead of 1 - mean(z^2) "
                   "(the flow is rewarded for growing its scale); mu's gradient is right",
         expected=("log-det", "log det", "logdet", "log-determinant", "log determinant", "jacobian", "sign",
                   "flipped", "wrong sign", "opposite sign", "change of variables", "log_s", "log-scale", "+ log_det",
                   "- log_det", "2 sum(log_s)", "scale")),
    dict(id="PZ02_planar_psi_wrong_vector", side="port",
         args=pair("02_planar_flow", "PlanarFlow", "--data", BLOBS, *PLN),
         mechanism="pair: the port's planar-flow psi(x) is (1 - tanh^2(w.x + b)) * u instead of * w, so the "
                   "log-determinant log|1 + u.psi| becomes log|1 + h'(a) u.u| instead of log|1 + h'(a) u.w|: the "
                   "Jacobian term is taken of the wrong vector, the loss and the gradients of u, w and b differ (z "
                   "itself is right)",
         expected=("psi", "planar", "wrong vector", "u.u", "u . u", "u.w", "u . w", "self.u", "self.w",
                   "log-det", "log det", "logdet", "log-determinant", "jacobian", "1 + u", "tanh derivative",
                   "h'", "1 - tanh")),
    dict(id="PZ03_coupling_conditioner_mask", side="port",
         args=pair("03_coupling_flow", "CouplingFlow", "--data", BANANA, *CPL),
         mechanism="pair: the port's coupling conditioner reads x * (1 - mask) instead of x * mask: the scale and "
                   "shift networks see the half they transform (the second coordinate) instead of the pass-through "
                   "half, so s and t, z, the loss and every coupling gradient differ from the first step (the "
                   "Jacobian is no longer triangular, yet the log-det -sum((1 - m) s) is kept)",
         expected=("mask", "1 - mask", "1 - m", "wrong half", "complement", "inverted mask", "conditioner",
                   "coupling", "pass-through", "identity half", "realnvp", "x * mask", "triangular", "swapped",
                   "masked input")),
    dict(id="PZ04_affine_exp_sign", side="port",
         args=pair("04_affine_flow", "AffineFlow", "--data", BANANA, *AFF),
         mechanism="pair: the port normalises with z = (x - mu) * exp(log_s) instead of exp(-log_s), multiplying by "
                   "the scale where it should divide, while the log-det stays -sum(log_s): z is off by a factor "
                   "exp(2 log_s) per coordinate, so the loss and both gradients differ",
         expected=("exp(log_s)", "exp(-log_s)", "log_s", "-log_s", "sign", "multipl", "divid", "inverse",
                   "scale", "exp(2 log_s)", "forward direction", "normalis", "normaliz", "reciprocal",
                   "sign of the exponent", "log-scale")),
    dict(id="PZ05_softplus_logprob_not_summed", side="port",
         args=pair("05_softplus_flow", "SoftplusFlow", "--data", BANANA, *SPL),
         mechanism="pair: the port's base density is torch.distributions.Normal(0, 1).log_prob(z) without "
                   ".sum(dim=1): the per-coordinate log-densities (n, 2) are averaged by .mean() over rows and "
                   "coordinates, so the base term of the NLL (and its gradients) is divided by the dimension 2 "
                   "relative to the log-det term",
         expected=("log_prob", "sum(dim=1)", "sum(-1)", ".sum(", "independent", "per coordinate",
                   "per-dimension", "dimension", "averaged over", "mean over", "half", "factor 2", "factor of 2",
                   "1/2", "normal", "base density", "event")),
    dict(id="PZ06_softplus_log_of_sum", side="port",
         args=pair("06_softplus_flow", "SoftplusFlow", "--data", BANANA, *SPL),
         mechanism="pair: the port's log-det is -torch.log(sigma.sum()) instead of -torch.log(sigma).sum(): the log "
                   "of the sum of the scales instead of the sum of their logs, so the Jacobian term and the gradient "
                   "of every rho through it (sigmoid(rho) / sum(sigma) instead of sigmoid(rho) / sigma) differ",
         expected=("log of the sum", "sum of the log", "sum of logs", "log(sigma.sum", "log(sigma).sum",
                   "log-det", "log det", "logdet", "log-determinant", "jacobian", "sigma", "softplus", "scale",
                   "product", "prod")),
    dict(id="PZ07_planar_logdet_summed_rows", side="port",
         args=pair("07_planar_flow", "PlanarFlow", "--data", BLOBS, *PLN),
         mechanism="pair: the port's loss is -(log_pz.mean() + log_det.sum()): the planar log-determinant is summed "
                   "over the rows while the base term is averaged, so the Jacobian term and its gradients are n (40) "
                   "times too large",
         expected=("sum", "mean", "summed over the rows", "over the batch", "batch size", "rows", "n times",
                   "40", "log-det", "log det", "logdet", "log-determinant", "jacobian", "average", "reduction",
                   "scaled")),
    dict(id="PZ08_coupling_shift_scale_order", side="port",
         args=pair("08_coupling_flow", "CouplingFlow", "--data", BANANA, *CPL),
         mechanism="pair: the port's coupling writes the transformed half as x * exp(-s) - t instead of "
                   "(x - t) * exp(-s): the shift is subtracted after the scaling instead of before (the order of the "
                   "inverse of y = x exp(s) + t confused), so z differs by t (1 - exp(-s)) and the gradients of the "
                   "shift head and the conditioner differ",
         expected=("order", "shift", "scale", "(x - t)", "x * exp(-s) - t", "before", "after", "inverse",
                   "exp(-s)", "coupling", "translation", "t head", "t_head", "subtract", "affine coupling")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PZ09_affine_grad_uses_residual", side="numpy",
         args=pair("09_affine_flow", "AffineFlow", "--data", BANANA, *AFF),
         mechanism="pair: the NumPy backward pass takes dL/dz as (x - mu) / n, the centred input, instead of z / n "
                   "with z = (x - mu) exp(-log_s): the base term's gradient is off by a factor exp(log_s) per "
                   "coordinate in both the mu and log_s gradients (the loss is right)",
         expected=("x - mu", "residual", "centred", "centered", "z / n", "dl/dz", "exp(log_s)", "exp(-log_s)",
                   "scale", "unscaled", "normalised", "normalized", "backward", "gradient", "chain rule", "log_s")),
    dict(id="PZ10_planar_tanh_second_derivative", side="numpy",
         args=pair("10_planar_flow", "PlanarFlow", "--data", BLOBS, *PLN),
         mechanism="pair: the NumPy planar flow's backward pass drops the log-det's path through h' = 1 - tanh^2: "
                   "dh = g.u instead of g.u - 2 h dL/dh', so the derivative of psi with respect to w.x + b (the "
                   "second derivative of tanh, -2 tanh (1 - tanh^2)) is left out and the gradients of w and b "
                   "differ (u's and the loss are right)",
         expected=("second derivative", "-2 h", "-2 tanh", "2 * h", "1 - tanh", "h'", "psi", "derivative of psi",
                   "log-det", "log det", "logdet", "jacobian", "missing term", "dropped", "chain rule", "planar",
                   "tanh")),
    dict(id="PZ11_coupling_logdet_mask", side="numpy",
         args=pair("11_coupling_flow", "CouplingFlow", "--data", BANANA, *CPL),
         mechanism="pair: the NumPy coupling's log-det is -(m * s).sum(axis=1) instead of -((1 - m) * s): the scale "
                   "of the pass-through half, which is never applied, is counted instead of the transformed half's, "
                   "so the reported loss is wrong (the hand-written gradients use the right half)",
         expected=("mask", "1 - m", "wrong half", "pass-through", "transformed half", "log-det", "log det",
                   "logdet", "log-determinant", "jacobian", "coupling", "m * s", "complement", "loss", "realnvp")),
    dict(id="PZ12_softplus_base_half_gradient", side="numpy",
         args=pair("12_softplus_flow", "SoftplusFlow", "--data", BANANA, *SPL),
         mechanism="pair: the NumPy gradient of the base term 0.5 z^2 is written 0.5 z / n instead of z / n (the 0.5 "
                   "kept after differentiating): the base density's contribution to the mu and rho gradients is "
                   "halved while the log-det's is right",
         expected=("0.5", "half", "halved", "factor 2", "factor of 2", "twice", "z / n", "0.5 * z", "derivative of "
                   "0.5 z^2", "z^2", "base density", "power rule", "gaussian", "normal", "dl/dz")),
    dict(id="PZ13_softplus_logdet_grad_logscale", side="numpy",
         args=pair("13_softplus_flow", "SoftplusFlow", "--data", BANANA, *SPL),
         mechanism="pair: the NumPy gradient of the log-det term sum(log softplus(rho)) with respect to rho is "
                   "written 1, as for a log-scale parameter, instead of sigmoid(rho) / softplus(rho): the softplus "
                   "chain factor is dropped from the Jacobian term's gradient (the loss and mu are right)",
         expected=("softplus", "sigmoid", "chain rule", "chain factor", "log-scale", "log scale", "log_s",
                   "sigmoid(rho) / sigma", "1 / sigma", "rho", "log-det", "log det", "logdet", "jacobian",
                   "derivative of log", "parametris", "parameteriz")),
    dict(id="PZ14_planar_logdet_grad_wrong_vector", side="numpy",
         args=pair("14_planar_flow", "PlanarFlow", "--data", BLOBS, *PLN),
         mechanism="pair: the NumPy gradient of u.w (inside the planar log-det log|1 + h' u.w|) with respect to w is "
                   "taken as w instead of u: dw's log-det part is sum(c h') w instead of sum(c h') u, so w's "
                   "gradient differs (u, b and the loss are right)",
         expected=("u.w", "u . w", "derivative of u.w", "with respect to w", "wrong vector", "w instead of u",
                   "dw", "psi", "planar", "log-det", "log det", "logdet", "jacobian", "1 + u", "gradient of w")),
    dict(id="PZ15_coupling_exp_neg_sign", side="numpy",
         args=pair("15_coupling_flow", "CouplingFlow", "--data", BANANA, *CPL),
         mechanism="pair: the NumPy coupling's scale gradient writes d[(x - t) exp(-s)]/ds as +(x - t) exp(-s) "
                   "instead of -(x - t) exp(-s): the minus sign of the exponent's derivative is lost, so the base "
                   "term's gradient of the scale head (and the conditioner below it) has the wrong sign",
         expected=("sign", "minus", "exp(-s)", "derivative of exp", "-s", "scale head", "s_head", "ws", "bs",
                   "coupling", "wrong sign", "flipped", "negative", "chain rule", "conditioner")),
    dict(id="PZ16_affine_mu_grad_exp_sign", side="numpy",
         args=pair("16_affine_flow", "AffineFlow", "--data", BANANA, *AFF),
         mechanism="pair: the NumPy gradient of mu multiplies by exp(log_s) instead of exp(-log_s), the chain factor "
                   "dz/dmu = -exp(-log_s) written with the wrong sign in the exponent: mu's gradient is off by "
                   "exp(2 log_s) per coordinate (log_s and the loss are right)",
         expected=("exp(log_s)", "exp(-log_s)", "dz/dmu", "chain factor", "chain rule", "sign", "exponent",
                   "exp(2 log_s)", "mu", "scale", "divide", "multiply", "log_s", "mean", "location")),
    # ------------------------------------------------------------------ correct
    dict(id="PZC1_dict_affine_distributions", side="correct",
         args=pair("correct_01_affine_flow", "DictAffineFlow", "--data", BANANA,
                   *params("params['mu']=mu", "params['log_s']=log_s")),
         mechanism="pair: NumPy element-wise affine flow with its parameters in one dict, z by np.divide by "
                   "exp(log_s), the quadratic form by np.einsum, the log-det by np.add.reduce; against a port whose "
                   "base density is D.Independent(D.Normal(0, 1), 1).log_prob",
         expected=()),
    dict(id="PZC2_seeded_mask_coupling", side="correct",
         args=pair("correct_02_coupling_flow", "SeededCoupling", "--data", BANANA, *CPL),
         mechanism="pair: RealNVP coupling with the binary mask built by a seeded permutation (the second coordinate "
                   "passes through), the torch side joining the halves with torch.where(mask.bool(), ...)",
         expected=()),
    dict(id="PZC3_planar_slogdet", side="correct",
         args=pair("correct_03_planar_flow", "PlanarFlow", "--data", BLOBS, *PLN),
         mechanism="pair: planar flow whose port takes the log-det from torch.linalg.slogdet of the full per-row "
                   "Jacobian I + u psi^T (matrix determinant lemma on the NumPy side, log|1 + u.psi|)",
         expected=()),
]
