"""Hundred-and-sixteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh116/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is scientific and tabular regression written by hand: small MLPs with smooth
activations fitted with the losses used for counts and heavy tails, the inputs standardised
inside the program with the batch's own mean and population standard deviation. A Poisson
regression of species counts (softplus and SiLU hidden layers, a log-rate output, the Poisson
negative log-likelihood mean(exp(eta) - y eta), Adam with amsgrad and coupled L2 weight decay,
mini-batches of 16); a robust regression of heavy-tailed yields on log1p(y) (GELU in its tanh
form and a leaky ReLU with slope 0.1, the Huber loss with delta 0.5, RMSprop with centered=True
and weight decay, the full batch); and a Tweedie (power 1.5) regression of insurance claim
amounts scaled by 1/100 (SELU and ELU hidden layers, a log-mean output, the deviance's
parameter-dependent part, gradients clipped to a global norm, SGD with heavy-ball momentum and
weight decay, a linear warmup followed by a polynomial decay, mini-batches of 20). The NumPy
programs write every derivative and optimizer by hand. fresh116/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh116_cases

Each case:
    id          short name (prefixed SL)
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

F = "scripts/diagnosis_sets/fresh116/"

COUNTS, YIELDS, CLAIMS = F + "counts.npz", F + "yields.npz", F + "claims.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def states(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--state", p)]


MLP_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias", "params['W3']=out.weight.T", "params['b3']=out.bias")
PO = ("--data", COUNTS, "--batch-size", "16", *MLP_PARAMS,
      *states("exp_avg=net.m", "exp_avg_sq=net.v", "max_exp_avg_sq=net.vmax"))
HU = ("--data", YIELDS, *MLP_PARAMS, *states("square_avg=net.sq", "grad_avg=net.ga"))
TW = ("--data", CLAIMS, "--batch-size", "20", *MLP_PARAMS)

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SL01_po_poisson_full", side="port",
         args=pair("poisson_numpy.py", "PoissonMLP", "01_po_full_stirling_port.py", "PoissonMLP", *PO),
         mechanism="pair: the port's loss is F.poisson_nll_loss(..., full=True), which adds the Stirling "
                   "approximation of log(y!), y log y - y + 0.5 log(2 pi y) for every count y > 1, where the "
                   "NumPy program drops the constant: the reported loss is larger by a term that does not "
                   "depend on the parameters, so gradients, moments and updates agree (loss value only)",
         expected=("full=true", "stirling", "log(y!)", "factorial", "constant term", "poisson", "nll",
                   "loss value", "loss only", "reported loss", "does not depend on the parameters",
                   "offset", "gradients agree", "poisson_nll_loss", "constant")),
    dict(id="SL02_po_adamw_decoupled", side="port",
         args=pair("poisson_numpy.py", "PoissonMLP", "02_po_adamw_port.py", "PoissonMLP", *PO),
         mechanism="pair: the port uses torch.optim.AdamW(weight_decay=WD, amsgrad=True) where the NumPy "
                   "program adds WD * p to the gradient before the Adam moments (torch.optim.Adam's L2 "
                   "weight_decay): the decay is decoupled, p *= 1 - LR * WD outside the normalised step, so "
                   "the moments and updates differ by a term proportional to the parameter; gradients agree",
         expected=("adamw", "decoupled", "weight decay", "l2", "coupled", "adam", "weight_decay",
                   "proportional to the parameter", "moments", "exp_avg", "optimizer", "update",
                   "lr * wd", "regulariz", "decay")),
    dict(id="SL03_po_std_unbiased", side="port",
         args=pair("poisson_numpy.py", "PoissonMLP", "03_po_std_unbiased_port.py", "PoissonMLP", *PO),
         mechanism="pair: the port standardises the batch with X.std(dim=0), torch's unbiased (n - 1) "
                   "standard deviation, where NumPy's X.std(axis=0) is the population (ddof=0) one: every "
                   "standardised input is sqrt(15/16) ~ 0.968 times the NumPy one on batches of 16, so the "
                   "forward pass, the loss and every gradient differ from the first step",
         expected=("std", "standard deviation", "unbiased", "bessel", "ddof", "correction=0", "n - 1",
                   "n-1", "standardis", "standardiz", "normaliz", "input", "population", "variance",
                   "sqrt(15/16)")),
    dict(id="SL04_hu_smooth_l1_beta", side="port",
         args=pair("huber_numpy.py", "LogHuberMLP", "04_hu_smooth_l1_port.py", "LogHuberMLP", *HU),
         mechanism="pair: the port fits with F.smooth_l1_loss(beta=DELTA) instead of F.huber_loss(delta=DELTA): "
                   "smooth L1 is the Huber loss divided by beta, so with DELTA = 0.5 the loss and every gradient "
                   "are twice the NumPy program's (one factor for all parameters); centered RMSprop nearly "
                   "normalises the factor away in the updates",
         expected=("smooth_l1", "smooth l1", "huber", "beta", "delta", "divided by", "factor", "twice",
                   "factor of 2", "scaled", "loss", "huber_loss", "robust", "one factor", "scale")),
    dict(id="SL05_hu_rmsprop_uncentered", side="port",
         args=pair("huber_numpy.py", "LogHuberMLP", "05_hu_uncentered_port.py", "LogHuberMLP", *HU),
         mechanism="pair: the port's torch.optim.RMSprop lacks centered=True: it divides by sqrt(square_avg) + "
                   "eps instead of sqrt(square_avg - grad_avg^2) + eps, so there is no grad_avg state and every "
                   "update is smaller (by sqrt(alpha) = 0.97 at step 1, more as the gradient mean builds up); "
                   "gradients and square_avg agree",
         expected=("rmsprop", "centered", "centred", "grad_avg", "square_avg", "variance", "mean of the gradient",
                   "denominator", "optimizer", "update", "second moment", "uncentered", "sqrt",
                   "centered=true", "missing state")),
    dict(id="SL06_hu_gelu_exact", side="port",
         args=pair("huber_numpy.py", "LogHuberMLP", "06_hu_gelu_exact_port.py", "LogHuberMLP", *HU),
         mechanism="pair: the port's first hidden activation is nn.GELU(), the exact erf form, where the NumPy "
                   "program uses the tanh approximation 0.5 z (1 + tanh(sqrt(2/pi)(z + 0.044715 z^3))): the "
                   "activations differ by up to about 5e-4, so the output, the loss and every gradient differ "
                   "slightly from the first step",
         expected=("gelu", "approximate", "tanh", "erf", "exact", "approximation", "activation",
                   "approximate='tanh'", "hidden activation", "forward", "0.044715", "nn.gelu", "first layer",
                   "activation function")),
    dict(id="SL07_tw_decay_horizon", side="port",
         args=pair("tweedie_numpy.py", "TweedieMLP", "07_tw_decay_horizon_port.py", "TweedieMLP", *TW),
         mechanism="pair: the port's LambdaLR factor after warmup is (1 - (s - WARMUP) / TOTAL) ** 2 instead of "
                   "(1 - (s - WARMUP) / (TOTAL - WARMUP)) ** 2: the polynomial decay runs over 40 updates instead "
                   "of 36, so from update 6 on the learning rate is slightly too large (0.6% at update 6, "
                   "growing with the step); the warmup, gradients and velocities up to then agree",
         expected=("schedule", "scheduler", "learning rate", "polynomial", "decay", "warmup", "lambdalr",
                   "total", "horizon", "decay length", "lr_lambda", "step", "ratio moving with the step",
                   "poly", "warmup steps")),
    dict(id="SL08_tw_clip_per_param", side="port",
         args=pair("tweedie_numpy.py", "TweedieMLP", "08_tw_clip_per_param_port.py", "TweedieMLP", *TW),
         mechanism="pair: the port calls clip_grad_norm_(p, CLIP) for each parameter in a loop instead of once "
                   "on model.parameters(): each tensor is clipped to norm 1 on its own instead of all gradients "
                   "scaled by CLIP / global norm, so on the steps where the global norm exceeds 1 (about half) "
                   "the port's gradients are not scaled down (or by a different factor per tensor)",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per parameter",
                   "per-parameter", "per tensor", "each parameter", "max_norm", "gradient norm", "scaled",
                   "norm", "loop", "one factor")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SL09_po_silu_derivative", side="numpy",
         args=pair("09_po_silu_deriv_numpy.py", "PoissonMLP", "poisson_torch.py", "PoissonMLP", *PO),
         mechanism="pair: the SiLU backward multiplies by sigmoid(z) alone, dz2 = dh2 * s2, instead of "
                   "s2 * (1 + z2 (1 - s2)): the product rule's z * sigmoid'(z) term is dropped, so W2, b2, W1 and "
                   "b1 get wrong gradients while the loss, W3 and b3 are right",
         expected=("silu", "swish", "derivative", "product rule", "sigmoid", "z * sigmoid", "backward",
                   "activation", "missing term", "hidden layer", "s (1 + z (1 - s))", "chain rule",
                   "activation derivative", "w2", "gradient")),
    dict(id="SL10_po_log_link_gradient", side="numpy",
         args=pair("10_po_log_link_grad_numpy.py", "PoissonMLP", "poisson_torch.py", "PoissonMLP", *PO),
         mechanism="pair: the gradient of the Poisson loss is taken with respect to the rate mu = exp(eta), "
                   "(1 - y / mu) / n, instead of the log rate eta, (mu - y) / n: the chain-rule factor "
                   "dmu/deta = mu of the log link is missing, so every gradient is off by a per-row factor "
                   "1/mu while the loss is right",
         expected=("poisson", "log link", "link", "chain rule", "exp(eta)", "rate", "mu", "log rate",
                   "1 - y / mu", "mu - y", "missing factor", "backward", "output gradient", "loss gradient",
                   "per-row")),
    dict(id="SL11_po_bias_correction_beta1", side="numpy",
         args=pair("11_po_bc2_beta1_numpy.py", "PoissonMLP", "poisson_torch.py", "PoissonMLP", *PO),
         mechanism="pair: the Adam second-moment bias correction uses BETA1, 1 - 0.9 ** t, instead of "
                   "1 - BETA2 ** t = 1 - 0.999 ** t: the denominator sqrt(vmax) / sqrt(bc2) is ten times too "
                   "small at step 1 (sqrt(0.001 / 0.1)), so the updates are ten times too large at first and "
                   "still about 6.7 times at step 20, the ratio moving with the step; gradients and moments agree",
         expected=("bias correction", "beta2", "beta1", "1 - beta2 ** t", "second moment", "adam",
                   "exp_avg_sq", "denominator", "ratio moving with the step", "update", "optimizer",
                   "v_hat", "bias-corrected", "amsgrad", "step")),
    dict(id="SL12_hu_gelu_constant", side="numpy",
         args=pair("12_hu_gelu_const_numpy.py", "LogHuberMLP", "huber_torch.py", "LogHuberMLP", *HU),
         mechanism="pair: the tanh-GELU constant is written sqrt(pi / 2) = 1.2533 instead of sqrt(2 / pi) = "
                   "0.7979, in the forward and in its derivative alike: the NumPy program computes another "
                   "(self-consistent) activation, so the hidden layer, the output, the loss and every gradient "
                   "differ from the first step",
         expected=("gelu", "tanh", "constant", "sqrt(2/pi)", "sqrt(2 / pi)", "pi", "approximation",
                   "activation", "forward", "0.7979", "inverted", "hidden layer", "coefficient",
                   "activation function")),
    dict(id="SL13_hu_log_not_log1p", side="numpy",
         args=pair("13_hu_log_target_numpy.py", "LogHuberMLP", "huber_torch.py", "LogHuberMLP", *HU),
         mechanism="pair: the NumPy program transforms the target with np.log(y) instead of np.log1p(y): the "
                   "fitted target is smaller by log((1 + y) / y) (0.003 to 1.3 over these yields), so the "
                   "residuals, the Huber loss and every gradient differ from the first step",
         expected=("target", "log1p", "log", "transform", "log(1 + y)", "label", "np.log", "residual", "data",
                   "preprocessing", "target transform", "huber", "loss", "shifted")),
    dict(id="SL14_tw_n_is_features", side="numpy",
         args=pair("14_tw_n_features_numpy.py", "TweedieMLP", "tweedie_torch.py", "TweedieMLP", *TW),
         mechanism="pair: the backward divides the output gradient by n = X.shape[1], the 6 features, instead "
                   "of X.shape[0], the 20 rows of the batch: every gradient is 20/6 = 3.33 times too large "
                   "before clipping (the loss, a np.mean, is right); the global-norm clipping to 1 then hides the "
                   "factor on the steps where the true norm exceeds 1, but where it is under 1 (the port does "
                   "not clip) the NumPy gradients come out too large, scaled to norm 1, and the velocities part",
         expected=("batch size", "shape[1]", "shape[0]", "number of features", "rows", "mean", "divide",
                   "denominator", "scaled", "factor", "gradient", "3.33", "reduction", "axis", "backward")),
    dict(id="SL15_tw_poly_precedence", side="numpy",
         args=pair("15_tw_poly_precedence_numpy.py", "TweedieMLP", "tweedie_torch.py", "TweedieMLP", *TW),
         mechanism="pair: the polynomial decay is written 1 - ((s - WARMUP) / (TOTAL - WARMUP)) ** POWER instead "
                   "of (1 - (s - WARMUP) / (TOTAL - WARMUP)) ** POWER: the power binds to the fraction, so after "
                   "the warmup the learning rate barely decays (0.9992 instead of 0.945 at update 6), the "
                   "updates too large by a ratio growing with the step; gradients agree until then",
         expected=("schedule", "learning rate", "polynomial", "decay", "precedence", "parentheses", "power",
                   "warmup", "lr", "ratio moving with the step", "step", "lambdalr", "exponent",
                   "poly")),
    dict(id="SL16_tw_clip_sum_of_norms", side="numpy",
         args=pair("16_tw_clip_sum_norms_numpy.py", "TweedieMLP", "tweedie_torch.py", "TweedieMLP", *TW),
         mechanism="pair: the global gradient norm for clipping is the sum of the per-tensor norms instead of "
                   "sqrt of the sum of squares: it is about twice too large here, so clipping triggers on "
                   "every step and scales every gradient by a smaller common factor than clip_grad_norm_",
         expected=("clip", "clipping", "norm", "global norm", "total norm", "sum of norms", "sqrt",
                   "sum of squares", "clip_grad_norm_", "max_norm", "scaled", "one factor", "gradient norm",
                   "l2 norm")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SL17_po_flat_vector_numpy", side="correct",
         args=pair("poisson_flat_numpy.py", "PoissonFlat", "poisson_torch.py", "PoissonMLP", "--data", COUNTS,
                   "--batch-size", "16",
                   *params("params['fc1_w']=fc1.weight", "params['fc1_b']=fc1.bias", "params['fc2_w']=fc2.weight",
                           "params['fc2_b']=fc2.bias", "params['out_w']=out.weight", "params['out_b']=out.bias")),
         mechanism="pair: the Poisson MLP in NumPy with every parameter a view of one flat vector, weights kept "
                   "(out, in), gradients written into views of one flat buffer, Adam (amsgrad, coupled L2) on the "
                   "whole vector at once with flat moments, softplus via log1p(exp(-|z|)), SiLU as z / (1 + e^-z), "
                   "the loss as mean(mu) - mean(y eta); against the nn.Linear port", expected=()),
    dict(id="SL18_hu_raw_param_port", side="correct",
         args=pair("huber_numpy.py", "LogHuberMLP", "huber_params_torch.py", "LogHuberParams", "--data", YIELDS,
                   *params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                           "params['W3']=W3", "params['b3']=b3"),
                   *states("square_avg=net.sq", "grad_avg=net.ga")),
         mechanism="pair: robust-regression port with raw (in, out) nn.Parameters, the tanh GELU, leaky ReLU and "
                   "Huber loss written out with torch.tanh and torch.where, torch.var_mean(correction=0) and rsqrt "
                   "for the standardisation, centered RMSprop over two parameter groups", expected=()),
    dict(id="SL19_tw_sequential_port", side="correct",
         args=pair("tweedie_numpy.py", "TweedieMLP", "tweedie_seq_torch.py", "TweedieSeq", "--data", CLAIMS,
                   "--batch-size", "20",
                   *params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias", "params['W2']=net.2.weight.T",
                           "params['b2']=net.2.bias", "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")),
         mechanism="pair: Tweedie port as an nn.Sequential, the warmup-then-polynomial learning rate written into "
                   "param_groups by hand from a counter on the model, global-norm clipping by hand with "
                   "torch.linalg.vector_norm and in-place scaling, the deviance via torch.pow(exp(eta), 1 - P)",
         expected=()),
]
