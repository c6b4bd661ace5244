"""Fifty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh58/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is imbalanced and dense-prediction losses written by hand: soft Dice
(with its smoothing constant), soft Jaccard / IoU, Tversky (alpha on the false positives, beta on
the false negatives), sigmoid focal loss with the alpha balance, class-balanced cross-entropy
(inverse frequency, effective number of samples), per-pixel weighted BCE on 2x2 masks and the
combined Dice + BCE. fresh58/make_data.py writes the data (masks.npz, balanced.npz, imbalanced.npz).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh58_cases

Each case:
    id          short name (prefixed QF)
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
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh58/"
port, numpy_net = in_folder(F)

MASKS, BALANCED, IMBALANCED = F + "masks.npz", F + "balanced.npz", F + "imbalanced.npz"
MASK_KIT = ["--data", MASKS, "--hidden-activation", "tanh", "--output-activation", "sigmoid", "--loss", "bce",
            "--lr", "1.0"]
CLASS_KIT = ["--data", BALANCED, "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
             "--lr", "0.5"]
STEP_NP = ["--step", "net.train_step(X, y)"]


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FC = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
FC_DICT = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                 "params['b2']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QF01_dice_batch_intersection", side="port",
         args=pair("01_dice_numpy.py", "DiceNet", "01_dice_torch.py", "DiceNet", "--data", MASKS, *FC),
         mechanism="pair: the port's per-example soft Dice sums the intersection with (p * y).sum(), over the whole "
                   "batch (a scalar), while the denominator sum p + sum y stays per example (.sum(dim=1)): every "
                   "example's dice is (2 * batch intersection + 1) / (its own total + 1), about 32 times too large, "
                   "and each pixel's gradient -2 y / den is shared across all examples",
         expected=("dice", "intersection", "sum()", "sum(dim=1)", "dim=1", "whole batch", "over the batch",
                   "batch-level", "per example", "per sample", "per-sample", "axis", "dimension", "reduction",
                   "scalar", "numerator", "broadcast")),
    dict(id="QF02_tversky_alpha_beta_swapped", side="port",
         args=pair("02_tversky_numpy.py", "TverskyNet", "02_tversky_torch.py", "TverskyNet", "--data", MASKS, *FC),
         mechanism="pair: the port's Tversky index is tp / (tp + ALPHA * fn + BETA * fp + S): ALPHA = 0.3 multiplies "
                   "the false negatives and BETA = 0.7 the false positives, the reverse of the NumPy program's "
                   "tp / (tp + ALPHA fp + BETA fn + S), so precision is weighted up instead of recall and the "
                   "gradient of each pixel's p changes (the weights alpha and beta swapped)",
         expected=("tversky", "alpha", "beta", "swapped", "exchanged", "reversed", "false positive",
                   "false negative", "fp", "fn", "precision", "recall", "0.3", "0.7", "weights of")),
    dict(id="QF03_jaccard_union_dice", side="port",
         args=pair("03_jaccard_numpy.py", "JaccardNet", "03_jaccard_torch.py", "JaccardNet", "--data", MASKS,
                   *FC_DICT),
         mechanism="pair: the port's soft Jaccard union is (p + y).sum(dim=1) without subtracting the intersection "
                   "p * y: the denominator is Dice's |P| + |Y|, so the loss is 1 - (I + 1) / (|P| + |Y| + 1), half "
                   "the Dice coefficient, and each pixel's gradient uses dU/dp = 1 instead of 1 - y",
         expected=("jaccard", "iou", "intersection over union", "union", "intersection", "subtract",
                   "p + y - p * y", "p * y", "minus the intersection", "dice", "denominator", "|p| + |y|",
                   "1 - y", "double count", "counted twice")),
    dict(id="QF04_focal_alpha_wrong_class", side="port",
         args=pair("04_focal_numpy.py", "FocalNet", "04_focal_torch.py", "FocalNet", "--data", MASKS, *FC),
         mechanism="pair: the port's focal alpha balance is alpha_t = (1 - ALPHA) * y + ALPHA * (1 - y): the "
                   "foreground pixels get 0.75 and the background 0.25 instead of ALPHA = 0.25 on the positives and "
                   "0.75 on the negatives, so each pixel's focal loss and logit gradient is scaled by the other "
                   "class's weight (positives 3 times heavier, negatives 3 times lighter)",
         expected=("focal", "alpha", "alpha_t", "balance", "wrong class", "positive", "negative", "foreground",
                   "background", "swapped", "1 - alpha", "0.25", "0.75", "reversed", "class weight")),
    dict(id="QF05_dice_on_logits", side="port",
         args=pair("05_dice_bce_numpy.py", "DiceBCENet", "05_dice_bce_torch.py", "DiceBCENet", "--data", MASKS,
                   *FC),
         mechanism="pair: the port's combined loss computes the Dice term on the raw logits, inputs = logits, "
                   "instead of torch.sigmoid(logits): the BCE with logits is right but the Dice intersection and "
                   "sums take unbounded logits, negative ones included, so the loss and the gradient of the Dice "
                   "term (no p (1 - p) factor) differ from the NumPy program's",
         expected=("dice", "logits", "logit", "sigmoid", "probabilities", "raw", "torch.sigmoid", "before sigmoid",
                   "without sigmoid", "missing sigmoid", "unnormalised", "p (1 - p)", "dice term",
                   "combined", "bce + dice")),
    dict(id="QF06_focal_default_alpha", side="port",
         args=port("06_focal_port.py", "Net", *OPT, *MASK_KIT),
         mechanism="the port calls its copy of torchvision's sigmoid_focal_loss with gamma=0 meaning plain BCE but "
                   "keeps the default alpha=0.25: the alpha balance stays on, foreground pixels' losses and logit "
                   "gradients are scaled by 0.25 and background ones by 0.75 (alpha=-1 turns it off)",
         expected=("focal", "sigmoid_focal_loss", "alpha", "0.25", "0.75", "default", "alpha=-1", "torchvision",
                   "balance", "alpha_t", "positive", "negative", "foreground", "background", "weighted",
                   "scaled")),
    dict(id="QF07_inverse_frequency_unnormalised", side="port",
         args=port("07_balanced_ce_port.py", "Net", *OPT, *CLASS_KIT),
         mechanism="the port's inverse-frequency class weights are 1 / counts, not normalised (n / (K counts) "
                   "meant): on the balanced batch of 12 examples per class every weight is 1/12 instead of 1, so "
                   "the mean of weight * cross-entropy and every gradient is 12 times too small",
         expected=("inverse frequency", "class weight", "weights", "1 / counts", "1/count", "normalis",
                   "normaliz", "n / (k", "balanced", "1/12", "12 times", "counts", "bincount", "scale",
                   "too small")),
    dict(id="QF08_foreground_fraction_per_pixel", side="port",
         args=port("08_pixel_balance_port.py", "Net", *OPT, *MASK_KIT),
         mechanism="the foreground share for the balancing weights is y.mean(dim=0), one share per pixel position "
                   "over the batch, instead of y.mean(), the share over the whole batch (exactly 0.5 here): each "
                   "pixel column gets its own weights 0.5 / share and 0.5 / (1 - share) instead of 1 and 1, so "
                   "the BCE weight= map rescales every pixel's loss and gradient",
         expected=("weight", "weight=", "foreground", "background", "fraction", "share", "mean(dim=0)", "dim=0",
                   "axis", "per pixel", "per-pixel", "whole batch", "y.mean()", "balance", "pixel weights",
                   "weight map")),
    # ------------------------------------------------------------------ numpy
    dict(id="QF09_dice_smooth_numerator_only", side="numpy",
         args=pair("09_dice_smooth_numpy.py", "DiceNet", "09_dice_smooth_torch.py", "DiceNet", "--data", MASKS,
                   *FC),
         mechanism="pair: the NumPy Dice's denominator leaves out the smoothing constant, den = sum p + sum y "
                   "instead of sum p + sum y + SMOOTH, while the numerator keeps 2 I + SMOOTH: the Dice "
                   "coefficient is too large (above 1 for small masks) and its gradient, computed with the same "
                   "den, differs",
         expected=("smooth", "smoothing", "laplace", "epsilon", "denominator", "numerator", "+ smooth",
                   "numerator only", "one side", "dice", "den", "constant", "missing", "sum p + sum y",
                   "both")),
    dict(id="QF10_tversky_fn_derivative_sign", side="numpy",
         args=pair("10_tversky_grad_numpy.py", "TverskyNet", "10_tversky_grad_torch.py", "TverskyNet", "--data",
                   MASKS, *FC),
         mechanism="pair: the hand-derived Tversky gradient writes the denominator's derivative as y + ALPHA (1 - y) "
                   "+ BETA y instead of y + ALPHA (1 - y) - BETA y: the false negatives FN = sum (1 - p) y decrease "
                   "with p, d FN / dp = -y, but the sign is lost, so the foreground pixels' gradient is wrong while "
                   "the loss is right",
         expected=("tversky", "derivative", "gradient", "sign", "false negative", "fn", "beta", "-y", "- beta",
                   "+ beta", "(1 - p)", "denominator", "hand-derived", "backward", "foreground")),
    dict(id="QF11_effective_number_raw_weights_in_gradient", side="numpy",
         args=pair("11_effective_number_numpy.py", "BalancedSoftmaxNet", "11_effective_number_torch.py",
                   "BalancedSoftmaxNet", "--data", IMBALANCED, *FC),
         mechanism="pair: the effective-number class weights (1 - BETA) / (1 - BETA^n_c) are normalised to sum to "
                   "K for the loss, but the gradient multiplies (p - y) by the raw, unnormalised weights w_raw: "
                   "every row's logit gradient is w_raw / w = sum(w_raw) / K (0.16 here) times the loss's, the "
                   "weights normalised on one side only",
         expected=("effective number", "class-balanced", "class balanced", "weights", "normalis", "normaliz",
                   "raw", "unnormalised", "unnormalized", "w_raw", "one side", "gradient", "loss",
                   "sum to k", "beta", "scale")),
    dict(id="QF12_weighted_bce_divided_by_weight_sum", side="numpy",
         args=pair("12_weighted_bce_numpy.py", "WeightedMaskNet", "12_weighted_bce_torch.py", "WeightedMaskNet",
                   "--data", MASKS, *FC),
         mechanism="pair: the NumPy per-pixel weighted BCE divides by the sum of the weights, w.sum() = 256, as "
                   "CrossEntropyLoss's weight= mean does, where binary_cross_entropy_with_logits(weight=...) "
                   "divides by the number of elements (128): the loss and every gradient are half the port's",
         expected=("weight", "weight=", "w.sum()", "sum of the weights", "weighted mean", "normalis", "normaliz",
                   "number of elements", "numel", "y.size", "mean", "half", "0.5", "divide", "reduction",
                   "binary_cross_entropy_with_logits")),
    dict(id="QF13_jaccard_union_derivative", side="numpy",
         args=pair("13_jaccard_grad_numpy.py", "JaccardNet", "13_jaccard_grad_torch.py", "JaccardNet", "--data",
                   MASKS, *FC_DICT),
         mechanism="pair: the hand-derived soft-IoU gradient takes the union's derivative dU/dp as 1 instead of "
                   "1 - y (U = sum p + y - p y): dp = -(y U - I) / U^2 instead of -(y U - I (1 - y)) / U^2, so the "
                   "foreground pixels get an extra I / U^2 while the loss is right",
         expected=("jaccard", "iou", "union", "derivative", "gradient", "1 - y", "du/dp", "p * y",
                   "intersection", "foreground", "hand-derived", "backward", "quotient rule", "missing")),
    dict(id="QF14_mask_bce_gradient_per_sample", side="numpy",
         args=numpy_net("14_mask_bce_net.py", "MaskNet", "--init", "MaskNet()", *STEP_NP, *MASK_KIT),
         mechanism="the BCE on the 4-pixel masks is averaged over every pixel (np.mean) but its logit gradient "
                   "divides by the number of examples, (p - y) / len(X), instead of by the number of elements "
                   "y.size: every gradient is 4 times the loss's (the mean over samples against over pixels)",
         expected=("mean", "len(x)", "y.size", "number of elements", "pixels", "per pixel", "per sample",
                   "samples", "examples", "4 times", "factor 4", "batch size", "normalis", "normaliz",
                   "divide", "scale")),
    dict(id="QF15_balanced_counts_wrong_axis", side="numpy",
         args=numpy_net("15_balanced_ce_net.py", "BalancedNet", "--init", "BalancedNet()", *STEP_NP, *CLASS_KIT),
         mechanism="the class counts for the 'balanced' weights n / (K n_c) are y.sum(axis=1), one per row (all 1) "
                   "instead of y.sum(axis=0), one per class (12 each): every weight is 36 / 3 = 12 instead of 1, so "
                   "the weighted cross-entropy and every gradient are 12 times too large",
         expected=("axis", "axis=1", "axis=0", "counts", "class counts", "per row", "per class", "sum over",
                   "balanced", "class weight", "12", "12 times", "inverse frequency", "wrong axis", "scale")),
    dict(id="QF16_pixel_weights_missing_half", side="numpy",
         args=numpy_net("16_pixel_weight_net.py", "BalancedMaskNet", "--init", "BalancedMaskNet()", *STEP_NP,
                        *MASK_KIT),
         mechanism="the foreground/background balancing weights are 1 / pos_frac and 1 / (1 - pos_frac) instead of "
                   "0.5 / pos_frac and 0.5 / (1 - pos_frac) (the 1 / K of n / (K n_c) left out): on the "
                   "half-foreground masks every pixel weight is 2 instead of 1, so the loss and gradients double",
         expected=("weight", "balanced", "foreground", "background", "pos_frac", "0.5", "1 / k", "number of classes",
                   "factor 2", "twice", "double", "2 times", "normalis", "normaliz", "inverse frequency")),
    # ------------------------------------------------------------------ correct
    dict(id="QFC1_dice_as_tversky", side="correct",
         args=pair("correct_01_dice_numpy.py", "SegNet", "correct_01_tversky_torch.py", "SegNet", "--data", MASKS),
         mechanism="pair: a soft Dice in NumPy through np.einsum with the sigmoid as 0.5 (1 + tanh(z / 2)) and "
                   "np.subtract(out=) updates, against a Tversky loss with alpha = beta = 0.5 and smooth / 2 (equal "
                   "to the Dice) on an nn.Sequential subclass; parameters paired by shape",
         expected=()),
    dict(id="QFC2_focal_gamma_zero_port", side="correct",
         args=port("correct_02_focal_port.py", "Net", *OPT, *MASK_KIT),
         mechanism="port: a focal-loss module with gamma = 0 and no alpha (exactly BCE), written with "
                   "F.logsigmoid and torch.where, gradients cleared by p.grad = None; the kit's NumPy network",
         expected=()),
    dict(id="QFC3_inverse_frequency_balanced", side="correct",
         args=numpy_net("correct_03_balanced_net.py", "InverseFrequencyNet", "--init", "InverseFrequencyNet()",
                        *STEP_NP, *CLASS_KIT),
         mechanism="NumPy: inverse-frequency class weights n / (K n_c) from np.bincount (all 1 on the balanced "
                   "batch), log-softmax by np.logaddexp.reduce, parameters in lists; against the kit's twin",
         expected=()),
]
