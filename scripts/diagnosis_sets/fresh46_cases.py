"""Forty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh46/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is regularisation and data augmentation written by hand: mixup
(a convex mix of two rows and of their targets, one coefficient per row), CutMix on column
blocks with the target mixed by area, inverted dropout with a stored mask, stochastic depth
(drop path) on a residual block, elastic-net penalties, Gaussian noise in the hidden layer,
annealed gradient noise, L2 terms written as penalties or hooks, max-norm and unit-norm
constraints. Every random draw (coefficients, partners, masks, keep flags, noise) is made once
by fresh46/make_data.py and stored in the data (extra columns of X, or gnoise.npz), so every
step is deterministic; the whole set is one batch.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh46_cases

Each case:
    id          short name (prefixed PT)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh44/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, given in its
`# fix:` comment) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh46/"
port, numpy_net = in_folder(F)

MIX, CUT, DROP, DEPTH = F + "mix.npz", F + "cut.npz", F + "drop.npz", F + "depth.npz"
NOISE, CURVE = F + "noise.npz", F + "curve.npz"

# the kit's own network for the L2 / constraint cases: 5 -> 8 tanh -> 1 linear, MSE
ADAM_L2 = ["--data", "random:40,5", "--hidden-activation", "tanh", "--output-activation", "linear",
           "--loss", "mse", "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.05"]


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FC = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
DP = params("W1=stem.weight.T", "b1=stem.bias", "W2=block.weight.T", "b2=block.bias", "W3=head.weight.T",
            "b3=head.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PT01_mixup_mean_losses", side="port",
         args=pair("01_mixup_classifier_numpy.py", "MixupClassifier", "01_mixup_classifier_torch.py",
                   "MixupClassifier", "--data", MIX, *FC),
         mechanism="pair: the port's mixup loss lam * F.cross_entropy(out, y_a) + (1 - lam) * F.cross_entropy(out, y_b) "
                   "keeps cross_entropy's default reduction='mean', so each term is already a batch mean before the "
                   "per-row lam multiplies it: the loss is mean(lam) CE_a + mean(1 - lam) CE_b, every row weighted by "
                   "the batch-average coefficient instead of its own lam (reduction='none' needed)",
         expected=("reduction", "reduction='none'", "reduction=\"none\"", "reduction='mean'", "mean reduction",
                   "already averaged", "batch mean", "per-row", "per row", "per-sample", "lam", "lambda",
                   "mixing coefficient", "mixup", "mean(lam)", "average coefficient", "cross_entropy")),
    dict(id="PT02_cutmix_area_swapped", side="port",
         args=pair("02_cutmix_classifier_numpy.py", "CutmixClassifier", "02_cutmix_classifier_torch.py",
                   "CutmixClassifier", "--data", CUT, *FC),
         mechanism="pair: the port's CutMix target weight is lam = M.mean(dim=1), the fraction of columns pasted from "
                   "the partner, instead of 1 - M.mean(dim=1), the fraction of the row's own columns kept: each mixed "
                   "target gives the own label the partner's area and vice versa (weights swapped, lam for 1 - lam)",
         expected=("cutmix", "area", "pasted", "kept", "fraction", "1 - m.mean", "1 - lam", "swapped", "swap",
                   "reversed", "lam", "lambda", "mixing weight", "target mix", "mixed target", "soft target",
                   "partner")),
    dict(id="PT03_dropout_scale_multiplied", side="port",
         args=pair("03_dropout_regressor_numpy.py", "DropoutRegressor", "03_dropout_regressor_torch.py",
                   "DropoutRegressor", "--data", DROP, *FC),
         mechanism="pair: the port's inverted dropout multiplies the kept units by (1 - P) = 0.7 instead of dividing by "
                   "it (1 / 0.7 = 1.43): h * mask * (1 - P) instead of h * mask / (1 - P), the hidden activations "
                   "fed to fc2 (and the gradients through them) 0.49 times the NumPy program's",
         expected=("dropout", "inverted dropout", "1 - p", "1/(1 - p)", "1 / (1 - p)", "* (1 - p)", "/ (1 - p)",
                   "multiplied instead of divided", "instead of dividing", "keep probability", "0.7", "1.43",
                   "0.49", "scale", "rescal", "mask")),
    dict(id="PT04_droppath_drops_skip", side="port",
         args=pair("04_droppath_regressor_numpy.py", "DropPathRegressor", "04_droppath_regressor_torch.py",
                   "DropPathRegressor", "--data", DEPTH, *DP),
         mechanism="pair: the port's drop path multiplies the whole residual sum by the keep flag, "
                   "keep * (h + block(h)) / SURVIVAL instead of h + keep * block(h) / SURVIVAL: a dropped row loses "
                   "its skip (identity) path too and feeds zeros to the head, and a kept row's skip is scaled by "
                   "1 / 0.8",
         expected=("drop path", "drop_path", "droppath", "stochastic depth", "skip", "identity", "shortcut",
                   "residual", "keep flag", "keep *", "survival", "whole block", "skip dropped", "dropped rows",
                   "1 / 0.8", "1.25")),
    dict(id="PT05_l1_matrix_norm", side="port",
         args=pair("05_elastic_regressor_numpy.py", "ElasticRegressor", "05_elastic_regressor_torch.py",
                   "ElasticRegressor", "--data", CURVE, *FC),
         mechanism="pair: the port's L1 part of the elastic net is torch.linalg.norm(w, 1), which for a 2-d weight is "
                   "the matrix 1-norm (the largest column sum of |w|), not the sum of all |w_ij|: the L1 gradient "
                   "L1 * sign(w) reaches only the entries of one column of each weight matrix",
         expected=("linalg.norm", "torch.linalg.norm", "matrix norm", "matrix 1-norm", "induced norm",
                   "max column", "largest column", "column sum", "ord=1", "norm(w, 1)", "l1", "elastic",
                   "abs().sum()", "sum of absolute", "one column", "sign(w)")),
    dict(id="PT06_noise_after_tanh", side="port",
         args=pair("06_noisy_regressor_numpy.py", "NoisyRegressor", "06_noisy_regressor_torch.py",
                   "NoisyRegressor", "--data", NOISE, *FC),
         mechanism="pair: the port adds the stored Gaussian noise SIGMA * e after the hidden tanh, tanh(z) + SIGMA e, "
                   "instead of to the pre-activation, tanh(z + SIGMA e): the hidden activations and the tanh "
                   "derivative 1 - h^2 both differ (the noise passes unsquashed to the output layer)",
         expected=("noise", "after the activation", "after the tanh", "before the activation", "before the tanh",
                   "pre-activation", "preactivation", "post-activation", "tanh(z + ", "tanh(z) +", "sigma",
                   "gaussian noise", "injected", "unsquashed", "outside the tanh", "inside the tanh")),
    dict(id="PT07_l2_norm_not_squared", side="port",
         args=port("07_l2_penalty_port.py", "Net", *OPT, *ADAM_L2),
         mechanism="the port's L2 penalty is 0.5 * WD * sum(torch.norm(p)), the norm not squared: its gradient is "
                   "0.5 WD p / ||p|| (a pull of fixed length 0.5 WD on each parameter tensor, infinite-slope at 0) "
                   "instead of WD p, the Adam(weight_decay=WD) term of the kit's network",
         expected=("torch.norm", "norm(p)", "not squared", "squared", "** 2", "norm squared", "||p||^2",
                   "||p||", "p / ||p||", "l2", "penalty", "weight decay", "weight_decay", "normalised",
                   "unit direction", "wd * p")),
    dict(id="PT08_late_bound_hook", side="port",
         args=port("08_decay_hooks_port.py", "Net", *OPT, *ADAM_L2),
         mechanism="the port's decay hooks, p.register_hook(lambda g: g + WD * p) in a loop, close over the loop "
                   "variable p, late-bound in Python: every hook adds WD times the last parameter (fc2.bias, "
                   "broadcast) instead of WD times its own parameter (lambda g, p=p: ...)",
         expected=("late binding", "late-binding", "late bound", "closure", "lambda", "loop variable", "p=p",
                   "default argument", "register_hook", "hook", "last parameter", "fc2.bias", "every hook",
                   "same parameter", "weight decay", "wd * p", "broadcast")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PT09_mixup_targets_swapped", side="numpy",
         args=pair("09_mixup_targets_numpy.py", "MixupClassifier", "09_mixup_targets_torch.py", "MixupClassifier",
                   "--data", MIX, *FC),
         mechanism="pair: the NumPy mixup mixes the inputs lam x_i + (1 - lam) x_j but the targets "
                   "(1 - lam) y_i + lam y_j: each mixed row is trained towards the label of the row that weighs "
                   "less in its input (the coefficients of the targets swapped)",
         expected=("mixup", "1 - lam", "lam", "lambda", "swapped", "swap", "reversed", "target", "targets",
                   "mixed target", "soft target", "y[idx]", "partner", "coefficient", "wrong weight")),
    dict(id="PT10_mixup_unmixed_gradient", side="numpy",
         args=pair("10_mixup_backward_numpy.py", "MixupClassifier", "10_mixup_backward_torch.py", "MixupClassifier",
                   "--data", MIX, *FC),
         mechanism="pair: the NumPy mixup loss uses the mixed targets t but the hand-written logit gradient is "
                   "(softmax - y) / n with the unmixed one-hot y instead of (softmax - t) / n: the gradient is that "
                   "of the cross-entropy against the original labels, not of the loss it reports",
         expected=("mixup", "unmixed", "original labels", "one-hot", "softmax - y", "p - y", "p - t", "mixed target",
                   "soft target", "gradient", "backward", "loss and gradient", "inconsistent", "target", "d_z")),
    dict(id="PT11_dropout_mask_not_in_backward", side="numpy",
         args=pair("11_dropout_backward_numpy.py", "DropoutRegressor", "11_dropout_backward_torch.py",
                   "DropoutRegressor", "--data", DROP, *FC),
         mechanism="pair: the NumPy inverted dropout applies mask / (1 - P) in the forward pass but the backward "
                   "to the hidden pre-activation leaves it out, d_z1 = (d_out W2^T)(1 - h^2): dropped units still "
                   "pass gradient to W1 and b1 and kept units' gradient lacks the 1 / 0.7 factor",
         expected=("dropout", "mask", "backward", "mask / (1 - p)", "1 / (1 - p)", "dropped units", "not masked",
                   "mask missing", "forgot the mask", "1/0.7", "1.43", "inverted dropout", "w1", "b1",
                   "gradient through dropped")),
    dict(id="PT12_droppath_backward_unscaled", side="numpy",
         args=pair("12_droppath_backward_numpy.py", "DropPathRegressor", "12_droppath_backward_torch.py",
                   "DropPathRegressor", "--data", DEPTH, *DP),
         mechanism="pair: the NumPy drop path scales the block's output by keep / SURVIVAL in the forward pass but "
                   "its backward uses keep alone, d_u = d_h2 keep (1 - f^2) without / SURVIVAL: the block's "
                   "gradients (W2, b2, and its share of W1, b1) are 0.8 times the true ones",
         expected=("drop path", "stochastic depth", "survival", "/ survival", "1 / 0.8", "0.8", "1.25", "keep",
                   "scale", "backward", "block", "residual", "w2", "b2", "forward and backward")),
    dict(id="PT13_l1_coefficient_halved", side="numpy",
         args=pair("13_elastic_net_numpy.py", "ElasticRegressor", "13_elastic_net_torch.py", "ElasticRegressor",
                   "--data", CURVE, *FC),
         mechanism="pair: the NumPy elastic net's gradient takes 0.5 * L1 * sign(W) for the L1 part (the 0.5 of the "
                   "L2 term copied onto it) instead of L1 * sign(W), while the loss keeps L1 * sum|W|: the weights "
                   "get half the L1 shrinkage (0.01 sign(W) instead of 0.02)",
         expected=("l1", "elastic", "0.5 * l1", "half", "halved", "sign(w)", "np.sign", "subgradient",
                   "coefficient", "0.01", "0.02", "lasso", "shrinkage", "penalty", "regulari")),
    dict(id="PT14_noise_std_not_sqrt", side="numpy",
         args=pair("14_gradient_noise_numpy.py", "GradNoiseRegressor", "14_gradient_noise_torch.py",
                   "GradNoiseRegressor", "--data", CURVE, *FC),
         mechanism="pair: the annealed gradient noise takes ETA / (1 + t)^GAMMA, the variance of the schedule, as its "
                   "standard deviation (np.sqrt left out): the noise added to every gradient is 0.01 / (1 + t)^0.55 "
                   "times the stored draw instead of 0.1 / (1 + t)^0.275, ten times too small at step 1",
         expected=("gradient noise", "noise", "variance", "standard deviation", "std", "sqrt", "np.sqrt",
                   "square root", "sigma", "annealed", "eta", "gamma", "(1 + t)", "ten times", "too small")),
    dict(id="PT15_max_norm_maximum", side="numpy",
         args=numpy_net("15_max_norm_net.py", "MaxNormNet", "--init", "MaxNormNet()", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "mse", "--lr", "0.1"),
         mechanism="the max-norm constraint scales W1 by np.maximum(1, MAX_NORM / norms) instead of np.minimum: every "
                   "hidden unit's incoming weight column with norm below MAX_NORM = 3 is blown up to norm 3 after each "
                   "update (projection onto the sphere instead of the ball), where the kit's network has no active "
                   "constraint",
         expected=("max-norm", "max norm", "maxnorm", "np.maximum", "np.minimum", "maximum", "minimum",
                   "constraint", "radius", "scaled up", "inflat", "norm 3", "column norm", "projection", "w1",
                   "rescal")),
    dict(id="PT16_unit_norm_axis", side="numpy",
         args=pair("16_unit_norm_numpy.py", "UnitNormRegressor", "16_unit_norm_torch.py", "UnitNormRegressor",
                   "--data", CURVE, *FC),
         mechanism="pair: the NumPy unit-norm constraint divides W1 (stored (in, out)) by np.linalg.norm(W1, axis=1): "
                   "each input feature's row is normalised instead of each hidden unit's column (axis=0, the dim=1 "
                   "of torch's (out, in) weight)",
         expected=("axis=1", "axis=0", "axis", "dim=1", "unit norm", "unit-norm", "normalis", "normaliz", "row",
                   "column", "per hidden unit", "per input", "layout", "transpos", "(in, out)", "linalg.norm")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PTC1_mixup_lerp", side="correct",
         args=pair("correct_01_mixup_lerp_numpy.py", "LerpMixup", "correct_01_mixup_lerp_torch.py", "LerpMixup",
                   "--data", MIX, *params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2",
                                          "params['b2']=b2")),
         mechanism="pair: mixup written as interpolation x_j + lam (x_i - x_j) with np.einsum and np.logaddexp.reduce "
                   "in NumPy, torch.lerp and raw (in, out) nn.Parameters with a written-out soft-target loss in torch",
         expected=()),
    dict(id="PTC2_flat_vector_penalty", side="correct",
         args=port("correct_02_flat_penalty_port.py", "Net", *OPT, *ADAM_L2),
         mechanism="port: the L2 term of Adam(weight_decay) as 0.5 * WD * theta.dot(theta) on "
                   "parameters_to_vector(model.parameters()), nn.Sequential, Adam without decay, the data loss returned",
         expected=()),
    dict(id="PTC3_adam_l2_folded_correction", side="correct",
         args=numpy_net("correct_03_adam_l2_net.py", "AdamL2Net", "--init", "AdamL2Net()", "--step",
                        "net.train_step(X, y)", *params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2",
                                                         "params['b2']=b2"), *ADAM_L2),
         mechanism="NumPy: coupled L2 (g + WD p) in Adam with the bias corrections folded into the step, "
                   "lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps), a pure gradient function, params in a dict",
         expected=()),
]
