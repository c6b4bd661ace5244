"""Thirtieth fresh held-out set for the diagnosis: one planted bug per program in fresh30/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is regression and multi-output networks as people write and port
them: multi-output regression heads, a heteroscedastic Gaussian negative log-likelihood (a mean
and a log-variance head), log-cosh and pinball (quantile) losses, a weighted MSE with per-sample
weights, standardised targets, residual MLPs and a layer shared between two blocks, a warm-up
followed by a cosine decay written by hand against torch's schedulers, Nesterov momentum, and
RMSprop, Adadelta and AdaMax written by hand in NumPy against torch.optim's; bugs in a formula's
constant or sign, a term of a two-headed loss's gradient, a schedule's first step, a reduction
over the wrong count, and the port's argument mapping (torch's conventions against the book's).
fresh30/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh30_cases

Each case:
    id          short name (prefixed PD)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh28/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written beside it as
`# fix: ...`) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh30/"
port, numpy_net = in_folder(F)

HETERO, MULTI, SCALED = F + "hetero.npz", F + "multi.npz", F + "scaled.npz"
WEIGHTED, QUANTILE, RESID = F + "weighted.npz", F + "quantile.npz", F + "resid.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


HETERO_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['W2']=head.weight.T",
                       "params['b2']=head.bias")
ADADELTA_PARAMS = params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")
WEIGHTED_PARAMS = params("params['W1']=mlp.0.weight.T", "params['b1']=mlp.0.bias", "params['W2']=mlp.2.weight.T",
                         "params['b2']=mlp.2.bias")
FC_DICT_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                        "params['b2']=fc2.bias")
FC_ATTR_PARAMS = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
KIT_REGRESSION = ("--output-activation", "linear", "--loss", "mse")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PD01_hetero_regressor", side="port",
         args=pair("01_hetero_regressor_numpy.py", "HeteroRegressor", "01_hetero_regressor_torch.py",
                   "HeteroRegressor", "--data", HETERO, *HETERO_PARAMS),
         mechanism="pair: the port hands its log-variance head straight to F.gaussian_nll_loss(mu, y, log_var), "
                   "whose third argument is the variance itself (torch's convention) where the NumPy program's "
                   "head is s = log sigma^2 (the book's): the port's loss is 0.5 (log s + (y - mu)^2 / s), the "
                   "log-variance taken for the variance, instead of 0.5 (s + (y - mu)^2 exp(-s)) (var = log_var.exp() meant), so both "
                   "heads' gradients are wrong",
         expected=("gaussian_nll_loss", "gaussian nll", "var", "variance", "log-variance", "log variance",
                   "log_var", "logvar", "exp(", ".exp()", "log_var.exp", "exp(log_var)", "exponential",
                   "argument", "log sigma", "sigma^2")),
    dict(id="PD02_adadelta_regressor", side="port",
         args=pair("02_adadelta_regressor_numpy.py", "AdadeltaRegressor", "02_adadelta_regressor_torch.py",
                   "AdadeltaRegressor", "--data", MULTI, *ADADELTA_PARAMS),
         mechanism="pair: the port builds torch.optim.Adadelta(lr=LR) with LR = 0.1 kept from the SGD version, "
                   "where Zeiler's Adadelta, as the NumPy program writes it, has no learning rate (torch's lr "
                   "multiplies the step and must be 1.0): every update is 0.1 times the NumPy program's (torch "
                   "accumulates the unscaled step in E[dx^2], so the optimizer state agrees and the ratio stays 0.1)",
         expected=("adadelta", "lr=1", "lr = 1", "1.0", "learning rate", "no learning rate", "lr=lr", "0.1",
                   "factor 10", "ten times", "10x", "zeiler", "step scaled", "update scaled", "constant ratio",
                   "scaled")),
    dict(id="PD03_weighted_regressor", side="port",
         args=pair("03_weighted_regressor_numpy.py", "WeightedRegressor", "03_weighted_regressor_torch.py",
                   "WeightedRegressor", "--data", WEIGHTED, *WEIGHTED_PARAMS),
         mechanism="pair: the port's weighted MSE multiplies the (n,) sample weights into the (n, 1) squared "
                   "errors, weight * (pred - target) ** 2, which broadcasts to an (n, n) matrix: the sum is "
                   "sum_i e_i^2 * sum_j w_j, so after dividing by sum(w) the loss is the unweighted sum of squared "
                   "errors (every row weighted 1, on the scale of a sum, not a mean) instead of "
                   "sum_i w_i e_i^2 / sum(w) (weight[:, None] meant)",
         expected=("broadcast", "(n, n)", "(n, 1)", "outer", "weight[:, none]", "unsqueeze", "[:, none]",
                   "sample weight", "per-sample weight", "weights", "unweighted", "shape", "weighted mse",
                   "weighted mean", "every row")),
    dict(id="PD04_standardised_regressor", side="port",
         args=pair("04_standardised_regressor_numpy.py", "StandardisedRegressor", "04_standardised_regressor_torch.py",
                   "StandardisedRegressor", "--data", SCALED,
                   *params("weights[0]=fc1.weight.T", "biases[0]=fc1.bias", "weights[1]=fc2.weight.T",
                           "biases[1]=fc2.bias")),
         mechanism="pair: the port standardises its targets as y - self.y_mean / self.y_std, without the "
                   "parentheses: by precedence it subtracts mean / std and never divides, so the port regresses "
                   "onto y - (2.14, -4.29) on the raw scale instead of (y - mean) / std, as the NumPy program does",
         expected=("precedence", "parenthes", "y - mean / std", "(y - mean) / std", "standardis", "standardiz",
                   "target", "targets", "y_mean", "y_std", "scale", "raw scale", "normalis", "normaliz",
                   "divide")),
    dict(id="PD05_multi_output_port", side="port",
         args=port("05_multi_output_port.py", "Net", *OPT, "--data", "random:40,4,3", "--hidden-activation", "relu",
                   *KIT_REGRESSION, "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the multi-output port writes its loss as the sum of the per-output mean squared errors, "
                   "F.mse_loss(out, y, reduction='none').mean(dim=0).sum(), where the mean over every element "
                   "(rows x 3 outputs) is meant: the loss and every gradient are 3 times (the number of outputs) "
                   "the MSE's",
         expected=("sum of", "per-output", "per output", "each output", "number of outputs", "outputs", "3 times",
                   "three times", "factor 3", "factor of 3", "mean(dim=0)", ".sum()", "reduction",
                   "mean over every element", "mean over all", "numel")),
    dict(id="PD06_adam_decay_port", side="port",
         args=port("06_adam_decay_port.py", "Net", *OPT, "--data", "random:40,5,2", "--hidden-activation", "tanh",
                   *KIT_REGRESSION, "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.01"),
         mechanism="torch.optim.Adam(model.parameters(), lr, (0.9, 0.999), WEIGHT_DECAY): the fourth positional "
                   "parameter of Adam is eps, not weight_decay, so eps = 0.01 (the denominator sqrt(v_hat) + 0.01 "
                   "shrinks every step where |g| is not much larger than 0.01) and no weight decay is applied at "
                   "all (the L2 term 0.01 * theta is missing from the gradient)",
         expected=("positional", "fourth", "eps", "epsilon", "weight_decay", "weight decay", "0.01", "l2",
                   "keyword", "argument", "signature", "denominator", "no weight decay", "decay missing")),
    dict(id="PD07_residual_mlp", side="port",
         args=pair("07_residual_mlp_numpy.py", "ResidualMLP", "07_residual_mlp_torch.py", "ResidualMLP",
                   "--data", RESID,
                   *params("p['W_in']=inp.weight.T", "p['b_in']=inp.bias", "p['W_res']=block.weight.T",
                           "p['b_res']=block.bias", "p['W_out']=out.weight.T", "p['b_out']=out.bias")),
         mechanism="pair: the port's residual block adds forward's input x instead of the block's input h, "
                   "h = x + relu(block(h)) (a ResNet snippet's 'x + f(x)' copied where the block's input is h): "
                   "the skip connection carries the raw 6 features around both layers instead of h1, so the "
                   "read-out sees x + relu(h1 Wr + br) and the input layer gets no gradient through the skip path",
         expected=("skip", "skip connection", "residual", "identity", "shortcut", "input x", "block's input",
                   "block input", "x + ", "h + ", "wrong variable", "variable", "raw input", "network input")),
    dict(id="PD08_cosine_regressor", side="port",
         args=pair("08_cosine_regressor_numpy.py", "CosineRegressor", "08_cosine_regressor_torch.py",
                   "CosineRegressor", "--data", MULTI, *FC_ATTR_PARAMS),
         mechanism="pair: the cosine schedule's floor is a fraction of the rate in the NumPy program "
                   "(MIN_RATIO = 0.1, floor 0.1 * LR = 0.02) but the port passes the fraction as "
                   "CosineAnnealingLR(eta_min=MIN_RATIO), which is an absolute rate: the port anneals from 0.2 "
                   "towards 0.1 instead of towards 0.02 (equal on step 1, then too large by "
                   "0.08 (1 - cos(pi t / 20)) / 2)",
         expected=("eta_min", "eta min", "minimum learning rate", "min_lr", "floor", "absolute", "ratio",
                   "fraction", "min_ratio", "cosineannealinglr", "cosine", "schedule", "scheduler",
                   "learning rate", "0.02")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PD09_adam_multi_output_net", side="numpy",
         args=numpy_net("09_adam_multi_output_net.py", "AdamRegressor", "--init", "AdamRegressor()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,4,3", "--hidden-activation", "relu",
                        *KIT_REGRESSION, "--optimizer", "adam", "--lr", "0.01"),
         mechanism="copy-paste in Adam's bias correction: the second moment is corrected with beta1, "
                   "v_hat = v / (1 - beta1^t), instead of v / (1 - beta2^t): on step 1 v_hat is 0.001 g^2 / 0.1 = "
                   "g^2 / 100, so the first step is 10 times Adam's (10 lr sign(g)), the ratio shrinking as beta1^t "
                   "and beta2^t part",
         expected=("bias correction", "bias-correction", "beta1", "beta2", "v_hat", "second moment",
                   "1 - beta1", "1 - beta2", "copy-paste", "copy paste", "10 times", "ten times", "factor 10",
                   "sqrt(10)", "corrected with")),
    dict(id="PD10_warmup_cosine", side="numpy",
         args=pair("10_warmup_cosine_numpy.py", "WarmupRegressor", "10_warmup_cosine_torch.py", "WarmupRegressor",
                   "--data", MULTI, *FC_DICT_PARAMS),
         mechanism="pair: the hand-written linear warm-up returns t / WARMUP for update t = 0, 1, ... instead of "
                   "(t + 1) / WARMUP: the first update runs at rate 0 (nothing moves on step 1, though the "
                   "velocity takes the gradient) and every warm-up step at (t / 5) LR instead of ((t + 1) / 5) LR; "
                   "the port's LambdaLR holds the right factor",
         expected=("warm-up", "warmup", "warm up", "off-by-one", "off by one", "t + 1", "(t + 1)", "first step",
                   "zero learning rate", "rate 0", "lr = 0", "learning rate", "schedule", "lambdalr",
                   "nothing moves", "no update")),
    dict(id="PD11_hetero_regressor", side="numpy",
         args=pair("11_hetero_regressor_numpy.py", "HeteroRegressor", "11_hetero_regressor_torch.py",
                   "HeteroRegressor", "--data", HETERO, *HETERO_PARAMS),
         mechanism="pair: the Gaussian negative log-likelihood's mean-head gradient drops the precision: "
                   "d_mu = -(y - mu) / n instead of -(y - mu) exp(-s) / n, the plain MSE-style residual, as if the "
                   "variance were 1; the log-variance head's gradient 0.5 (1 - (y - mu)^2 exp(-s)) / n is right",
         expected=("precision", "exp(-s)", "exp(-log_var)", "1 / sigma^2", "1/sigma^2", "inverse variance",
                   "divided by the variance", "variance", "mean head", "mu", "gaussian", "nll",
                   "negative log-likelihood", "heteroscedastic", "unit variance")),
    dict(id="PD12_logcosh_regressor", side="numpy",
         args=pair("12_logcosh_regressor_numpy.py", "LogCoshRegressor", "12_logcosh_regressor_torch.py",
                   "LogCoshRegressor", "--data", MULTI, *FC_DICT_PARAMS),
         mechanism="pair: the derivative of the stable log-cosh form e + softplus(-2e) - log 2 is written "
                   "1 - 2 sigmoid(2e) instead of 1 - 2 sigmoid(-2e): it is -tanh(e) instead of tanh(e), the output "
                   "gradient's sign flipped, so every step climbs the log-cosh loss",
         expected=("log-cosh", "logcosh", "log cosh", "tanh", "-tanh", "sign", "sigmoid(2", "sigmoid(-2",
                   "flipped", "wrong sign", "opposite", "ascent", "ascend", "softplus", "-2e")),
    dict(id="PD13_quantile_heads", side="numpy",
         args=pair("13_quantile_heads_numpy.py", "QuantileHeads", "13_quantile_heads_torch.py", "QuantileHeads",
                   "--data", QUANTILE,
                   *params("W1=trunk.weight.T", "b1=trunk.bias", "W2=heads.weight.T", "b2=heads.bias")),
         mechanism="pair: the pinball loss's gradient with respect to the prediction is written "
                   "np.where(e > 0, -q, q - 1) instead of np.where(e > 0, -q, 1 - q): for every over-prediction "
                   "(e = y - pred < 0) the sign is flipped, so both branches push the prediction up, by q - 1 "
                   "instead of 1 - q",
         expected=("pinball", "quantile", "q - 1", "1 - q", "sign", "over-prediction", "overprediction",
                   "negative residual", "negative branch", "e < 0", "branch", "np.where", "flipped", "wrong sign",
                   "push up")),
    dict(id="PD14_weighted_regressor", side="numpy",
         args=pair("14_weighted_regressor_numpy.py", "WeightedRegressor", "14_weighted_regressor_torch.py",
                   "WeightedRegressor", "--data", WEIGHTED, *WEIGHTED_PARAMS),
         mechanism="pair: the weighted MSE's gradient leaves out the sample weights, d_pred = 2 e / sum(w) "
                   "instead of 2 w e / sum(w): the loss is weighted but the gradient treats every row alike (each "
                   "row's term off by the factor 1 / w_i)",
         expected=("sample weight", "per-sample", "weights", "weight", "w_i", "w[:, none]", "unweighted",
                   "missing weight", "weights missing", "left out", "gradient", "weighted mse", "weighted",
                   "every row alike")),
    dict(id="PD15_adadelta_regressor", side="numpy",
         args=pair("15_adadelta_regressor_numpy.py", "AdadeltaRegressor", "15_adadelta_regressor_torch.py",
                   "AdadeltaRegressor", "--data", MULTI, *ADADELTA_PARAMS),
         mechanism="pair: Adadelta's numerator RMS[dx] is written np.sqrt(acc_dx) without + eps: the accumulated "
                   "squared steps start at zero, so every step dx = 0 * g / RMS[g] is zero and stays zero, the "
                   "parameters never move (Zeiler's sqrt(E[dx^2] + eps) bootstraps the first steps)",
         expected=("adadelta", "eps", "epsilon", "numerator", "sqrt(acc_dx", "rms[dx]", "e[dx^2]", "zero",
                   "never move", "never updated", "no update", "not updated", "frozen", "zeiler", "bootstrap")),
    dict(id="PD16_adamax_regressor", side="numpy",
         args=pair("16_adamax_regressor_numpy.py", "AdamaxRegressor", "16_adamax_regressor_torch.py",
                   "AdamaxRegressor", "--data", MULTI, *FC_DICT_PARAMS),
         mechanism="pair: AdaMax's infinity norm is bias-corrected like Adam's second moment, "
                   "u_hat = u / (1 - beta2^t), which AdaMax does not need: the step lr m_hat / u_hat is multiplied "
                   "by 1 - 0.999^t (0.001 on step 1, 0.02 by step 20), so the parameters barely move",
         expected=("adamax", "infinity norm", "u_hat", "bias correction", "bias-correction", "1 - beta2",
                   "beta2", "no bias correction", "does not need", "too small", "0.001", "tiny", "barely",
                   "exp_inf")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PDC1_shared_residual", side="correct",
         args=pair("correct_01_shared_residual_numpy.py", "SharedResidualNet", "correct_01_shared_residual_torch.py",
                   "SharedResidualNet", "--data", RESID,
                   *params("A=embed.weight.T", "a=embed.bias", "W=shared.weight.T", "b=shared.bias",
                           "C=readout.weight.T", "c=readout.bias")),
         mechanism="pair: two residual blocks sharing one layer (W, b applied twice; NumPy sums the gradient of "
                   "both uses, the port calls one nn.Linear twice), tanh, MSE, Hinton's RMSprop by hand "
                   "(eps outside the root) against torch.optim.RMSprop(alpha=rho)", expected=()),
    dict(id="PDC2_norm_loss_port", side="correct",
         args=port("correct_02_norm_loss_port.py", "Net", *OPT, "--data", "random:40,4,3",
                   "--hidden-activation", "relu", *KIT_REGRESSION, "--optimizer", "nesterov", "--momentum", "0.9",
                   "--lr", "0.1"),
         mechanism="port: layers in an nn.ModuleDict, ReLU as torch.where(z > 0, z, 0.0), the MSE as the mean of "
                   "each row's squared torch.linalg.vector_norm divided by the number of outputs, SGD(nesterov) "
                   "with every setting spelled out, zero_grad(set_to_none=True); the kit's NumPy network",
         expected=()),
    dict(id="PDC3_decay_adam_net", side="correct",
         args=numpy_net("correct_03_decay_adam_net.py", "DecayAdamNet", "--init", "DecayAdamNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5,2", "--hidden-activation", "relu",
                        *KIT_REGRESSION, "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.01"),
         mechanism="NumPy: two-output regression, Adam with an L2 term wd * theta added to every parameter's "
                   "gradient before the moments (as torch.optim.Adam(weight_decay=...)), ReLU derivative "
                   "np.heaviside(z, 0), moments in lists indexed beside a list of parameter names; the kit's "
                   "torch twin", expected=()),
]
