"""Fifty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh56/ (eight
PyTorch ports and eight NumPy programs, every one checked against a program of the user's own, the
other side correct, both as written) and three correct pairs in unusual styles. The theme is
basis-function networks written by hand: a radial-basis-function layer
exp(-||x - c||^2 / (2 sigma^2)) with learnable centres and widths (or log-widths), a normalised RBF
layer (each unit divided by the sum of all units), learned Fourier features [sin(xW + b), cos(xW + b)]
concatenated, a polynomial feature layer [z, z^2, z_i z_j] over a learnable projection, and a
Gaussian-bump activation exp(-z^2). The kit's dense family cannot express these networks, so every
case is a pair (--as-written). fresh56/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh56_cases

Each case:
    id          short name (prefixed QD)
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
of the earlier sets. Each buggy program was checked to fail (exit 1) and its fix (the bug line the
only difference, written beside it as `# fix: ...`) to pass (exit 0) under the same arguments; each
correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh56/"

BUMPS, RINGS, CUBIC, RIDGE = F + "bumps.npz", F + "rings.npz", F + "cubic.npz", F + "ridge.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


RBF = ("--data", BUMPS, *params("C=C", "sigma=sigma", "W=W", "b=b"))
NRBF = ("--data", BUMPS, *params("C=C", "s=s", "W=W", "b=b"))
FOURIER = ("--data", RINGS, *params("W=W", "b=b", "V=V", "c=c"))
POLY = ("--data", CUBIC, *params("A=A", "w=w", "b=b"))
BUMP = ("--data", RIDGE, *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                                 "params['W2']=fc2.weight.T", "params['b2']=fc2.bias"))


def rbf_port(file: str) -> list[str]:
    return pair("rbf_regressor_numpy.py", "RBFRegressor", file, "RBFRegressor", *RBF)


def rbf_numpy(file: str) -> list[str]:
    return pair(file, "RBFRegressor", "rbf_regressor_torch.py", "RBFRegressor", *RBF)


def nrbf_port(file: str) -> list[str]:
    return pair("normrbf_regressor_numpy.py", "NormRBF", file, "NormRBF", *NRBF)


def nrbf_numpy(file: str) -> list[str]:
    return pair(file, "NormRBF", "normrbf_regressor_torch.py", "NormRBF", *NRBF)


def fourier_port(file: str) -> list[str]:
    return pair("fourier_classifier_numpy.py", "FourierClassifier", file, "FourierClassifier", *FOURIER)


def fourier_numpy(file: str) -> list[str]:
    return pair(file, "FourierClassifier", "fourier_classifier_torch.py", "FourierClassifier", *FOURIER)


def poly_port(file: str) -> list[str]:
    return pair("poly_regressor_numpy.py", "PolyRegressor", file, "PolyRegressor", *POLY)


def poly_numpy(file: str) -> list[str]:
    return pair(file, "PolyRegressor", "poly_regressor_torch.py", "PolyRegressor", *POLY)


def bump_port(file: str) -> list[str]:
    return pair("bump_regressor_numpy.py", "BumpNet", file, "BumpNet", *BUMP)


def bump_numpy(file: str) -> list[str]:
    return pair(file, "BumpNet", "bump_regressor_torch.py", "BumpNet", *BUMP)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QD01_rbf_width_as_variance", side="port",
         args=rbf_port("01_rbf_width_as_variance_torch.py"),
         mechanism="pair: the port's RBF layer reads the width as a variance, exp(-d2 / (2 sigma)) instead of "
                   "exp(-d2 / (2 sigma^2)) (the square on sigma dropped): with widths near 0.9 every unit is "
                   "narrower and its outputs, and the gradients of the centres and widths, differ from the NumPy "
                   "program's from step 1",
         expected=("sigma ** 2", "sigma**2", "sigma^2", "σ^2", "σ²", "squared", "square", "variance",
                   "standard deviation", "width", "2 * sigma", "2 sigma", "2σ", "bandwidth", "rbf", "gaussian",
                   "exponent", "forward")),
    dict(id="QD02_normrbf_cdist", side="port",
         args=nrbf_port("02_normrbf_cdist_torch.py"),
         mechanism="pair: the port takes the squared distances from torch.cdist(X, C), which returns the Euclidean "
                   "distance ||x - c||, not its square: the normalised RBF uses exp(-||x - c|| / (2 sigma^2)), a "
                   "Laplacian-like kernel, where the NumPy program uses exp(-||x - c||^2 / (2 sigma^2))",
         expected=("cdist", "torch.cdist", "euclidean distance", "not squared", "squared distance", "** 2",
                   "square", "||x - c||^2", "distance", "norm", "laplacian", "sqrt", "square root", "rbf",
                   "kernel", "forward")),
    dict(id="QD03_fourier_interleaved", side="port",
         args=fourier_port("03_fourier_interleaved_torch.py"),
         mechanism="pair: the port builds the Fourier features NeRF-style as torch.stack([sin z, cos z], "
                   "dim=-1).flatten(1), interleaving them (sin z1, cos z1, sin z2, ...), where the NumPy program "
                   "concatenates them (sin z1 .. sin zM, cos z1 .. cos zM): the head's rows V meet permuted "
                   "features, so the logits differ from step 1",
         expected=("interleav", "stack", "torch.stack", "flatten", "concatenat", "torch.cat", "order",
                   "permut", "sin", "cos", "feature", "fourier", "head", "rows", "layout", "column")),
    dict(id="QD04_normrbf_detached_sum", side="port",
         args=nrbf_port("04_normrbf_detached_sum_torch.py"),
         mechanism="pair: the port normalises the RBF units by phi / phi.sum(dim=1, keepdim=True).detach(), the "
                   "normaliser treated as a constant: the forward pass is right, but the backward pass drops the "
                   "quotient rule's second term -u sum_j(g_j u_j), so the centres' and log-widths' gradients "
                   "differ (the head's are right)",
         expected=("detach", ".detach()", "normalis", "normaliz", "denominator", "sum of", "quotient rule",
                   "constant", "stop gradient", "stop-gradient", "no gradient", "second term", "centre",
                   "center", "width", "rbf")),
    dict(id="QD05_poly_tril_pairs", side="port",
         args=poly_port("05_poly_tril_pairs_torch.py"),
         mechanism="pair: the port lists the pair products with torch.tril_indices(h, h, offset=-1) where the NumPy "
                   "program uses np.triu_indices(h, k=1): the same six products z_i z_j but in another order "
                   "(z0z1, z0z2, z1z2, z0z3, ... against z0z1, z0z2, z0z3, z1z2, ...), so the head's weights for "
                   "the products meet permuted features",
         expected=("tril", "triu", "tril_indices", "triu_indices", "lower triangle", "upper triangle",
                   "order", "permut", "pair", "product", "cross term", "interaction", "polynomial", "feature",
                   "index", "indices")),
    dict(id="QD06_bump_normal_density", side="port",
         args=bump_port("06_bump_normal_density_torch.py"),
         mechanism="pair: the port's Gaussian bump is Normal(0, 1).log_prob(z).exp() from torch.distributions, the "
                   "standard normal density exp(-z^2 / 2) / sqrt(2 pi), where the NumPy program's bump is "
                   "exp(-z^2): a wider bump (1/2 in the exponent) scaled by 0.399",
         expected=("normal", "log_prob", "density", "pdf", "torch.distributions", "sqrt(2 pi)", "sqrt(2π)",
                   "2 pi", "0.399", "z^2 / 2", "z**2 / 2", "exp(-z^2)", "exp(-z**2)", "gaussian", "bump",
                   "activation", "normalising constant", "normalizing constant")),
    dict(id="QD07_fourier_two_pi", side="port",
         args=fourier_port("07_fourier_two_pi_torch.py"),
         mechanism="pair: the port writes the Fourier features' argument as in the Fourier-features paper, "
                   "2 pi X W + b, where the NumPy program uses X W + b: every frequency is 2 pi times larger, "
                   "so the features, the logits and the gradient of W (by 2 pi) differ from step 1",
         expected=("2 pi", "2π", "2 * math.pi", "2*pi", "math.pi", "pi", "6.28", "frequenc", "fourier",
                   "scale", "sin", "cos", "argument", "tancik", "paper")),
    dict(id="QD08_rbf_expanded_distance", side="port",
         args=rbf_port("08_rbf_expanded_distance_torch.py"),
         mechanism="pair: the port computes the squared distances by the expansion ||x||^2 - 2 x.c + ||c||^2 but "
                   "types it without the 2, ||x||^2 - x.c + ||c||^2: the cross term is halved, so every 'distance' "
                   "is too large by x.c and the RBF outputs differ from step 1",
         expected=("expansion", "expand", "||x||^2", "x.c", "x @ c", "cross term", "2 *", "factor 2",
                   "factor of 2", "- 2", "missing 2", "dot product", "squared distance", "distance", "rbf",
                   "forward")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QD09_rbf_centre_sign", side="numpy",
         args=rbf_numpy("09_rbf_centre_sign_numpy.py"),
         mechanism="pair: the centres' gradient is taken with (c - x) where (x - c) belongs, "
                   "sum phi (x - c) / sigma^2 written with -diff: every centre gradient has the wrong sign, so the "
                   "centres climb the loss (the widths and head are right)",
         expected=("sign", "negated", "opposite", "wrong sign", "flipped", "(c - x)", "c - x", "x - c",
                   "(x - c)", "diff", "centre", "center", "gradient ascent", "ascent", "-1", "rbf")),
    dict(id="QD10_rbf_sigma_power", side="numpy",
         args=rbf_numpy("10_rbf_sigma_power_numpy.py"),
         mechanism="pair: the widths' gradient divides by sigma^2 where sigma^3 belongs, d phi / d sigma "
                   "= phi d2 / sigma^2 instead of phi d2 / sigma^3: each width's gradient is sigma times too large "
                   "(about 0.7 to 1.1)",
         expected=("sigma ** 3", "sigma**3", "sigma^3", "σ^3", "σ³", "sigma ** 2", "sigma^2", "power",
                   "exponent", "cube", "width", "sigma", "derivative", "factor of sigma", "missing", "rbf")),
    dict(id="QD11_normrbf_quotient", side="numpy",
         args=nrbf_numpy("11_normrbf_quotient_numpy.py"),
         mechanism="pair: the normalised RBF's backward takes d(phi / S) as g / S, the quotient rule missing its "
                   "second term -sum_j(g_j u_j) / S: the centres' and log-widths' gradients are wrong (the head's "
                   "are right)",
         expected=("quotient rule", "quotient", "second term", "normalis", "normaliz", "denominator", "sum",
                   "missing term", "u_j", "softmax", "jacobian", "centre", "center", "width", "rbf")),
    dict(id="QD12_fourier_cos_grad", side="numpy",
         args=fourier_numpy("12_fourier_cos_grad_numpy.py"),
         mechanism="pair: the cos features' backward uses +sin z, d cos z / dz = -sin z typed as +sin z (the "
                   "imaginary part of e^{iz} added instead of subtracted): the gradients of W and b carry the "
                   "cos branch with the wrong sign",
         expected=("cos", "sin", "-sin", "derivative of cos", "sign", "wrong sign", "+sin", "imag", "e.imag",
                   "fourier", "frequenc", "phase", "bias", "opposite")),
    dict(id="QD13_poly_square_grad", side="numpy",
         args=poly_numpy("13_poly_square_grad_numpy.py"),
         mechanism="pair: the derivative of the z^2 feature is written z instead of 2z: the squared features' "
                   "contribution to the projection A's gradient is halved",
         expected=("2z", "2 * z", "2.0 * z", "z^2", "z**2", "square", "quadratic", "derivative", "factor 2",
                   "factor of 2", "half", "halved", "polynomial", "power rule")),
    dict(id="QD14_bump_grad_no_z", side="numpy",
         args=bump_numpy("14_bump_grad_no_z_numpy.py"),
         mechanism="pair: the Gaussian bump's derivative d exp(-z^2) / dz = -2 z exp(-z^2) is written -2 exp(-z^2), "
                   "the inner derivative of z^2 taken as 2 instead of 2z (chain rule): the hidden delta has the "
                   "wrong size and, for negative z, the wrong sign, so W1 and b1 are wrong",
         expected=("chain rule", "-2z", "-2 z", "2 * z", "2z", "inner derivative", "missing z", "exp(-z^2)",
                   "exp(-z**2)", "gaussian", "bump", "derivative", "activation", "hidden delta", "sign")),
    dict(id="QD15_normrbf_logwidth_chain", side="numpy",
         args=nrbf_numpy("15_normrbf_logwidth_chain_numpy.py"),
         mechanism="pair: the log-widths s (sigma = exp(s)) get the gradient with respect to sigma, "
                   "phi d2 / sigma^3, without the chain factor d sigma / ds = sigma: each log-width's gradient is "
                   "1 / sigma times too large",
         expected=("log-width", "log width", "log sigma", "log_sigma", "exp(s)", "chain rule", "chain factor",
                   "d sigma / ds", "dsigma/ds", "sigma ** 3", "sigma^3", "sigma ** 2", "sigma^2",
                   "reparameter", "parametris", "parametriz", "1 / sigma", "width")),
    dict(id="QD16_poly_pair_grad", side="numpy",
         args=poly_numpy("16_poly_pair_grad_numpy.py"),
         mechanism="pair: the pair product z_i z_j's derivative with respect to z_i is taken as z_i (its own "
                   "factor) instead of z_j (the other one), np.add.at(gz.T, I, gp * z[:, I]): the interaction "
                   "terms send the wrong gradient to the projection A",
         expected=("product rule", "product", "pair", "interaction", "cross term", "z_j", "z_i", "other factor",
                   "wrong factor", "partner", "index", "np.add.at", "derivative", "polynomial", "swap")),
    # ------------------------------------------------------------------ correct
    dict(id="QDC1_fourier_complex_exp", side="correct",
         args=pair("fourier_classifier_numpy.py", "FourierClassifier", "fourier_classifier_torch.py",
                   "FourierClassifier", *FOURIER),
         mechanism="pair: learned Fourier features, the NumPy program takes sin z and cos z as the imaginary and "
                   "real parts of one complex exponential np.exp(1j z) and back-propagates through them, log-softmax "
                   "by hand, momentum in a dict; the port uses torch.cat of sin and cos and F.cross_entropy with "
                   "class-probability targets", expected=()),
    dict(id="QDC2_normrbf_as_softmax", side="correct",
         args=pair("normrbf_regressor_numpy.py", "NormRBF", "normrbf_regressor_torch.py", "NormRBF", *NRBF),
         mechanism="pair: a normalised RBF layer with log-widths, the NumPy program as phi / sum phi with its "
                   "quotient-rule backward, the port as F.softmax over the units of -||x - c||^2 / (2 exp(s)^2)",
         expected=()),
    dict(id="QDC3_poly_add_at", side="correct",
         args=pair("poly_regressor_numpy.py", "PolyRegressor", "poly_regressor_torch.py", "PolyRegressor", *POLY),
         mechanism="pair: polynomial features [z, z^2, z_i z_j] over a learnable projection, the pair products by "
                   "np.triu_indices(k=1) with their backward scattered by np.add.at into a transposed view, against "
                   "torch.triu_indices(offset=1) fancy indexing in the port", expected=()),
]
