"""Ninety-second fresh held-out set for the diagnosis: one planted bug per program in fresh92/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is probabilistic regression heads written by hand: models that output the parameters of
a likelihood and are trained on its negative log-likelihood. A mixture density network for a 2-D
target (a tanh layer, one linear head split into K mixture logits, K x D means and K x D clipped
log-standard-deviations, the mean negative log-likelihood through a stable log-sum-exp, the
backward through the responsibilities) trained with AdamW; a heteroscedastic Gaussian head (a ReLU
trunk, a mean head and a variance head, var = softplus(s) + a small floor, the Gaussian negative
log-likelihood as F.gaussian_nll_loss) trained with RMSprop in two parameter groups and a warm-up
in which the variance head's rate is 0; and a linear Student-t regression (location and clipped
log-scale, fixed degrees of freedom, the normalising constant included) trained with gradient-norm
clipping, SGD with Nesterov momentum and coupled weight decay, and a step schedule. The data are
mini-batched (--batch-size); fresh92/make_data.py writes them (prices.npz has a one-dimensional y).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh92_cases

Each case:
    id          short name (prefixed RN)
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

F = "scripts/diagnosis_sets/fresh92/"

ARMS, SENSORS, PRICES = F + "arms.npz", F + "sensors.npz", F + "prices.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MDN = ("--data", ARMS, "--batch-size", "20")
MDN_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=head.weight.T",
                    "params['b2']=head.bias")
MDN_ALT_PARAMS = params("Wh=hidden.weight", "bh=hidden.bias", "Wo=head.weight", "bo=head.bias")
HET = ("--data", SENSORS, "--batch-size", "16", "--state", "square_avg=net.sq")
HET_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias",
                    "params['Wm']=mean_head.weight.T", "params['bm']=mean_head.bias",
                    "params['Wv']=var_head.weight.T", "params['bv']=var_head.bias")
HET_ALT_PARAMS = params("params['W1']=trunk.0.weight.T", "params['b1']=trunk.0.bias",
                        "params['Wm']=heads.mean.weight.T", "params['bm']=heads.mean.bias",
                        "params['Wv']=heads.var.weight.T", "params['bv']=heads.var.bias")
ST = ("--data", PRICES, "--batch-size", "10")
ST_PARAMS = params("W=lin.weight.T", "b=lin.bias")
ST_RAW_PARAMS = params("W=W", "b=b")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RN01_mdn_view_order", side="port",
         args=pair("mdn_numpy.py", "MDN", "01_mdn_view_order_port.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the port reshapes the K x D block of means with mu.view(-1, D, K).transpose(1, 2) "
                   "instead of mu.view(-1, K, D): the shape is right but the head's mean columns are assigned "
                   "to the wrong component and dimension (component-major read as dimension-major), so the "
                   "means, the loss and every gradient differ from the first step",
         expected=("view", "reshape", "transpose", "layout", "order", "component", "dimension", "means", "mu",
                   "permuted", "scrambled", "interleav", "(n, k, d)", "mixture", "head", "forward")),
    dict(id="RN02_mdn_log_softmax_dim", side="port",
         args=pair("mdn_numpy.py", "MDN", "02_mdn_log_softmax_dim_port.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the mixing weights are F.log_softmax(logits, dim=0), normalised over the rows of "
                   "the batch instead of over the K components (dim=1): each log pi_k is shifted by a "
                   "different per-row amount (the weights of a row no longer sum to one), so the loss and "
                   "all gradients differ",
         expected=("log_softmax", "softmax", "dim=0", "dim=1", "axis", "wrong dimension", "batch",
                   "components", "mixture weights", "mixing", "logits", "pi", "normaliz", "sum to one",
                   "log-sum-exp")),
    dict(id="RN03_mdn_adam_coupled_decay", side="port",
         args=pair("mdn_numpy.py", "MDN", "03_mdn_adam_l2_port.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay is "
                   "added to the gradient (L2, WD * p, then normalised by Adam's second moment) instead of "
                   "decoupled (p -= lr * WD * p); the gradients agree, Adam's moments and the updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2",
                   "decay", "optimizer", "update", "exp_avg", "moment", "proportional to the parameter",
                   "wd * p", "regulariz")),
    dict(id="RN04_het_floor_clamp", side="port",
         args=pair("hetero_numpy.py", "HeteroGaussian", "04_het_floor_clamp_port.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: the variance floor is applied as F.softplus(s).clamp(min=VAR_EPS) instead of "
                   "softplus(s) + VAR_EPS: with variances near 1 the clamp never binds, so every variance is "
                   "1e-3 smaller than the NumPy program's; the loss and all gradients differ slightly from the "
                   "first step",
         expected=("variance", "floor", "eps", "epsilon", "var_eps", "clamp", "added", "softplus", "1e-3",
                   "minimum", "var", "gaussian", "nll", "forward", "loss")),
    dict(id="RN05_het_warmup_off_by_one", side="port",
         args=pair("hetero_numpy.py", "HeteroGaussian", "05_het_warmup_le_port.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: the variance head's LambdaLR factor is 0 while step <= WARMUP instead of step < "
                   "WARMUP: the scheduler counts from 0, so the variance head stays frozen for one extra update "
                   "(update 5): Wv and bv are not updated there while gradients and square_avg agree",
         expected=("warmup", "warm-up", "lambdalr", "schedule", "scheduler", "off by one", "off-by-one",
                   "learning rate", "lr = 0", "zero learning rate", "frozen", "variance head", "param group",
                   "step 5", "<=")),
    dict(id="RN06_het_rmsprop_alpha", side="port",
         args=pair("hetero_numpy.py", "HeteroGaussian", "06_het_rmsprop_alpha_port.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: RMSprop is built without alpha=ALPHA, so torch's default smoothing 0.99 is used "
                   "instead of 0.9: square_avg takes 0.01 g^2 instead of 0.1 g^2 per step, about ten times "
                   "smaller at first, and every update is about sqrt(10) times larger; the gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "square_avg", "smoothing", "decay",
                   "second moment", "moving average", "optimizer", "update", "denominator", "sqrt",
                   "hyperparameter")),
    dict(id="RN07_st_mu_broadcast", side="port",
         args=pair("studentt_numpy.py", "StudentTRegressor", "07_st_mu_column_port.py", "StudentTRegressor",
                   *ST, *ST_PARAMS),
         mechanism="pair: the location is out[:, :1], shape (n, 1), against the one-dimensional y (n,) and "
                   "log-scale (n,): the Student-t log_prob broadcasts to an (n, n) matrix pairing every "
                   "location with every target and scale, and the mean is taken over n^2 entries, so the loss "
                   "and all gradients differ",
         expected=("broadcast", "shape", "(n, 1)", "(n,)", "n x n", "outer", "squeeze", "column", "out[:, 0]",
                   "keepdim", "target", "y", "mean", "every pair", "studentt")),
    dict(id="RN08_st_clip_after_step", side="port",
         args=pair("studentt_numpy.py", "StudentTRegressor", "08_st_clip_after_step_port.py", "StudentTRegressor",
                   *ST, *ST_PARAMS),
         mechanism="pair: clip_grad_norm_ is called after optimizer.step() instead of before: the update (and "
                   "the momentum buffer) uses the unclipped gradient, larger by the clipping factor on steps "
                   "whose total norm exceeds MAX_NORM, while the .grad read afterwards is clipped and agrees",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient norm", "max_norm", "order", "after",
                   "before", "optimizer.step()", "unclipped", "update", "momentum buffer", "norm", "scale",
                   "factor")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RN09_mdn_resp_no_prior", side="numpy",
         args=pair("09_mdn_resp_no_prior_numpy.py", "MDN", "mdn_torch.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the responsibilities are a softmax of the component log-densities alone, "
                   "exp(log_comp - logsumexp(log_comp)), instead of the posterior with the mixing weights, "
                   "exp(log pi + log_comp - log p(y)): the loss is right but the gradients of the logits, "
                   "means and log-sigmas (and so every parameter) are wrong",
         expected=("responsibilit", "posterior", "gamma", "mixing weights", "prior", "log pi", "log_pi",
                   "mixture", "backward", "gradient", "logsumexp", "component", "softmax", "missing term",
                   "loss right")),
    dict(id="RN10_mdn_dmu_sigma", side="numpy",
         args=pair("10_mdn_dmu_sigma_numpy.py", "MDN", "mdn_torch.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the gradient with respect to the means is -gamma * z / n instead of "
                   "-gamma * z / sigma / n, one factor 1/sigma missing (d z / d mu = -1/sigma): the mean "
                   "gradients are multiplied by sigma (per row, component and dimension), so the mean "
                   "columns of W2 and b2 and the hidden-layer gradients are wrong; the loss is right",
         expected=("sigma", "1/sigma", "standard deviation", "means", "mu", "missing factor", "chain rule",
                   "dmu", "backward", "gradient", "z / sigma", "scale", "derivative", "mixture", "w2")),
    dict(id="RN11_mdn_decay_no_lr", side="numpy",
         args=pair("11_mdn_decay_no_lr_numpy.py", "MDN", "mdn_torch.py", "MDN", *MDN, *MDN_PARAMS),
         mechanism="pair: the decoupled weight decay is p -= WD * p instead of p -= LR * WD * p: every "
                   "parameter shrinks by 1% per step instead of 0.01%, a difference proportional to the "
                   "parameter (1 / LR = 100 times too strong); gradients and Adam moments agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "lr", "decay",
                   "proportional to the parameter", "shrink", "update", "optimizer", "missing factor",
                   "scaled", "wd")),
    dict(id="RN12_het_softplus_grad", side="numpy",
         args=pair("12_het_softplus_grad_numpy.py", "HeteroGaussian", "hetero_torch.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: the softplus derivative is written sigmoid(-s) instead of sigmoid(s): the variance "
                   "head's gradient (and its contribution to the trunk) is scaled by sigmoid(-s)/sigmoid(s) "
                   "= exp(-s) per row; the loss and the mean head's gradients are right",
         expected=("softplus", "sigmoid", "derivative", "sign", "sigmoid(-s)", "variance", "variance head",
                   "backward", "gradient", "chain rule", "exp(-s)", "activation", "wv", "bv", "log-variance")),
    dict(id="RN13_het_trunk_mean_only", side="numpy",
         args=pair("13_het_trunk_mean_only_numpy.py", "HeteroGaussian", "hetero_torch.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: the gradient into the shared trunk takes only the mean head's path, dh = dmu Wm^T, "
                   "and drops the variance head's ds Wv^T: W1 and b1 get wrong gradients from the first step "
                   "while both heads' gradients and the loss are right",
         expected=("trunk", "shared", "variance head", "missing term", "gradient path", "sum of", "both heads",
                   "backward", "w1", "b1", "hidden", "dh", "chain rule", "missing", "branch")),
    dict(id="RN14_het_warmup_state", side="numpy",
         args=pair("14_het_warmup_state_numpy.py", "HeteroGaussian", "hetero_torch.py", "HeteroGaussian",
                   *HET, *HET_PARAMS),
         mechanism="pair: during the warm-up the optimizer loop skips the variance head entirely, so its "
                   "RMSprop square_avg is not accumulated (torch updates it even at lr 0): after the warm-up "
                   "Wv and bv start from an empty square_avg and take larger steps; gradients agree, "
                   "square_avg and the updates of Wv, bv differ from step 1 (state) and step 5 (update)",
         expected=("warmup", "warm-up", "rmsprop", "square_avg", "optimizer state", "state", "skipped",
                   "variance head", "second moment", "moving average", "zero learning rate", "frozen",
                   "update", "accumulat", "param group")),
    dict(id="RN15_st_steplr_truediv", side="numpy",
         args=pair("15_st_steplr_truediv_numpy.py", "StudentTRegressor", "studentt_torch.py", "StudentTRegressor",
                   *ST, *ST_PARAMS),
         mechanism="pair: the step schedule is GAMMA ** ((t - 1) / STEP_SIZE) with true division instead of "
                   "// : the learning rate decays smoothly every update (exponentially, by 0.5^(1/8)) instead "
                   "of halving every 8 updates; updates 1, 9 and 17 agree, every other update is smaller than "
                   "torch's StepLR (by up to 0.5^(7/8)), gradients agree",
         expected=("schedule", "steplr", "step decay", "learning rate", "floor division", "//", "integer",
                   "exponential", "decay", "gamma", "step_size", "staircase", "lr", "every step", "update")),
    dict(id="RN16_st_half_nu_precedence", side="numpy",
         args=pair("16_st_half_nu_precedence_numpy.py", "StudentTRegressor", "studentt_torch.py",
                   "StudentTRegressor", *ST, *ST_PARAMS),
         mechanism="pair: the Student-t exponent constant is written NU + 1 / 2 (operator precedence, 4.5) "
                   "instead of (NU + 1) / 2 (2.5), in the loss and its gradient alike: the log1p(z^2 / NU) "
                   "term is weighted 1.8 times too much, so the loss and the gradients of the location and "
                   "log-scale differ (consistently with each other)",
         expected=("student-t", "studentt", "degrees of freedom", "nu", "(nu + 1) / 2", "precedence",
                   "parenthes", "exponent", "log1p", "likelihood", "loss", "constant", "nll", "heavy tail",
                   "forward")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RN17_mdn_attr_einsum_numpy", side="correct",
         args=pair("mdn_alt_numpy.py", "MDNAlt", "mdn_torch.py", "MDN", *MDN, *MDN_ALT_PARAMS),
         mechanism="pair: the MDN in NumPy with attribute weights in torch's (out, in) layout, np.einsum, "
                   "np.logaddexp.reduce, responsibilities as a max-shifted softmax, the output gradient "
                   "written by slices, and AdamW with the bias corrections folded into the step size and eps",
         expected=()),
    dict(id="RN18_het_moduledict_port", side="correct",
         args=pair("hetero_numpy.py", "HeteroGaussian", "hetero_alt_torch.py", "HeteroGaussianAlt",
                   *HET, *HET_ALT_PARAMS),
         mechanism="pair: heteroscedastic port with an nn.Sequential trunk, heads in an nn.ModuleDict, "
                   "torch.logaddexp(s, 0) as softplus, the Gaussian NLL written out, RMSprop(foreach=False) "
                   "with named groups and the warm-up rate set by hand from a counter on the model",
         expected=()),
    dict(id="RN19_st_raw_param_port", side="correct",
         args=pair("studentt_numpy.py", "StudentTRegressor", "studentt_alt_torch.py", "StudentTLinear",
                   *ST, *ST_RAW_PARAMS),
         mechanism="pair: Student-t port with raw (in, 2) nn.Parameters and torch.addmm, the log-density "
                   "written out with torch.lgamma, the gradient norm clipped by hand and MultiStepLR at 8 and "
                   "16 in place of StepLR", expected=()),
]
