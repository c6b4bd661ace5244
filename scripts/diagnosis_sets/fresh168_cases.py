"""One hundred and sixty-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh168/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is regression MLPs with
probabilistic or robust heads: a Gaussian negative log-likelihood head predicting a mean and a
log-variance, a quantile (pinball) loss over three quantiles, a Student-t likelihood with a
softplus scale; every program clips its gradients by their global L2 norm (as
torch.nn.utils.clip_grad_norm_, max_norm / (norm + 1e-6) when below 1) before Adam or AdamW.

The base programs (data from fresh168/make_data.py, fixed seed, nothing random while training):

    gauss_numpy.py:GaussMLP / gauss_torch.py:GaussMLP, gauss.npz X (48, 5), y (48,)
        dense 5->24 tanh, dense 24->2 giving mu and s = log sigma^2 (NumPy: params dict, W kept
        (in, out)); loss mean(0.5 * (s + (y - mu)^2 exp(-s))); clip at global norm 0.5;
        Adam lr 1e-2, betas (0.9, 0.999), eps 1e-8, bias-corrected.
    quant_numpy.py:QuantileMLP / quant_torch.py:QuantileMLP, quant.npz X (40, 4), y (40,)
        dense 4->16 ReLU, 16->16 ReLU, 16->3 (one output per quantile 0.1, 0.5, 0.9; NumPy: a list
        of Dense objects, W kept (out, in)); pinball loss max(q e, (q - 1) e), e = y - pred,
        averaged over rows and quantiles; clip at global norm 0.3; AdamW lr 5e-3, decoupled
        weight decay 1e-2 on the weights only (torch: two parameter groups).
    studt_numpy.py:StudentTRegressor / studt_torch.py:StudentTRegressor, studt.npz X (32, 6), y (32,)
        dense 6->20 SiLU, dense 20->2 giving mu and a raw scale, sigma = softplus(raw) + 1e-3
        (NumPy: attributes W1, b1, W2, b2, W kept (in, out)); full Student-t negative
        log-likelihood with nu = 3 (lgamma constant included), mean over rows; clip at global
        norm 2.0; Adam lr 1e-2.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh168_cases

Each case:
    id          short name (prefixed UL)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh168/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gauss(numpy="gauss_numpy.py", port="gauss_torch.py"):
    return [F + numpy + ":GaussMLP", "--torch", F + port + ":GaussMLP",
            "--data", F + "gauss.npz", "--as-written",
            "--param", "params['W1']=body.weight.T",
            "--param", "params['b1']=body.bias",
            "--param", "params['W2']=head.weight.T",
            "--param", "params['b2']=head.bias", *RUN]


def gauss_alt():
    return [F + "gauss_numpy.py:GaussMLP", "--torch", F + "gauss_alt_torch.py:HeteroscedasticNet",
            "--data", F + "gauss.npz", "--as-written",
            "--param", "params['W1']=trunk.0.weight.T",
            "--param", "params['b1']=trunk.0.bias",
            "--param", "params['W2']=out.weight.T",
            "--param", "params['b2']=out.bias", *RUN]


def quant(numpy="quant_numpy.py", port="quant_torch.py"):
    return [F + numpy + ":QuantileMLP", "--torch", F + port + ":QuantileMLP",
            "--data", F + "quant.npz", "--as-written",
            "--param", "layers[0].W=net.0.weight",
            "--param", "layers[0].b=net.0.bias",
            "--param", "layers[1].W=net.2.weight",
            "--param", "layers[1].b=net.2.bias",
            "--param", "layers[2].W=net.4.weight",
            "--param", "layers[2].b=net.4.bias", *RUN]


def quant_alt():
    return [F + "quant_alt_numpy.py:QuantileNet", "--torch", F + "quant_torch.py:QuantileMLP",
            "--data", F + "quant.npz", "--as-written",
            "--param", "W[0]=net.0.weight.T",
            "--param", "b[0]=net.0.bias",
            "--param", "W[1]=net.2.weight.T",
            "--param", "b[1]=net.2.bias",
            "--param", "W[2]=net.4.weight.T",
            "--param", "b[2]=net.4.bias", *RUN]


def studt(numpy="studt_numpy.py", port="studt_torch.py"):
    return [F + numpy + ":StudentTRegressor", "--torch", F + port + ":StudentTRegressor",
            "--data", F + "studt.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=head.weight.T",
            "--param", "b2=head.bias", *RUN]


def studt_dist():
    return [F + "studt_numpy.py:StudentTRegressor", "--torch", F + "studt_dist_torch.py:RobustRegressor",
            "--data", F + "studt.npz", "--as-written",
            "--param", "W1=layers.fc.weight.T",
            "--param", "b1=layers.fc.bias",
            "--param", "W2=layers.loc_scale.weight.T",
            "--param", "b2=layers.loc_scale.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UL01", "side": "port", "args": gauss(port="01_chunkbroadcast_port.py"),
     "mechanism": "mu, logvar = out.chunk(2, dim=1) keeps them (N, 1) against y of shape (N,): "
                  "the NLL broadcasts to an (N, N) matrix of every mean against every target",
     "expected": ("broadcast", "shape", "(n, 1)", "squeeze", "unsqueeze")},
    {"id": "UL02", "side": "port", "args": gauss(port="02_clipafterstep_port.py"),
     "mechanism": "clip_grad_norm_ called after optimizer.step(): Adam steps on the unclipped "
                  "gradients (the .grad are clipped only afterwards)",
     "expected": ("clip", "clipping", "norm", "order", "after")},
    {"id": "UL03", "side": "port", "args": gauss(port="03_logstd_port.py"),
     "mechanism": "the head's second output read as log sigma instead of log sigma^2: loss "
                  "logstd + 0.5 (y - mu)^2 exp(-2 logstd)",
     "expected": ("log-variance", "log variance", "logvar", "variance", "log sigma", "std")},
    {"id": "UL04", "side": "port", "args": quant(port="04_pinballsign_port.py"),
     "mechanism": "pinball residual taken as pred - y instead of y - pred: quantile q is trained "
                  "as 1 - q (0.1 and 0.9 swapped, the median unchanged)",
     "expected": ("sign", "residual", "quantile", "pinball", "1 - q")},
    {"id": "UL05", "side": "port", "args": quant(port="05_decayall_port.py"),
     "mechanism": "AdamW(model.parameters(), weight_decay=1e-2): the biases decayed too, where "
                  "the NumPy program decays the weights only",
     "expected": ("weight decay", "weight_decay", "bias", "decay")},
    {"id": "UL06", "side": "port", "args": quant(port="06_beta2_port.py"),
     "mechanism": "AdamW betas=(0.9, 0.99) where the NumPy program uses beta2 = 0.999",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.99")},
    {"id": "UL07", "side": "port", "args": studt(port="07_minscale_port.py"),
     "mechanism": "scale = softplus(raw) without the + 1e-3 floor the NumPy program adds",
     "expected": ("1e-3", "floor", "scale", "sigma", "softplus", "constant")},
    {"id": "UL08", "side": "port", "args": studt(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() missing from train_step: gradients accumulate over "
                  "the steps (then clipped and fed to Adam)",
     "expected": ("zero_grad", "accumulat", "accumulate", "summed over steps")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UL09", "side": "numpy", "args": gauss(numpy="09_meangrad_numpy.py"),
     "mechanism": "gradient of the NLL w.r.t. the mean taken as -(y - mu)/N, without the "
                  "precision factor exp(-s) (the MSE gradient)",
     "expected": ("mean", "mu", "precision", "variance", "exp(-s)", "1/var")},
    {"id": "UL10", "side": "numpy", "args": gauss(numpy="10_biascorr_numpy.py"),
     "mechanism": "Adam bias correction off by one: 1 - beta ** (t + 1) after t was already "
                  "incremented",
     "expected": ("bias correction", "bias-correct", "off by one", "off-by-one", "step count")},
    {"id": "UL11", "side": "numpy", "args": gauss(numpy="11_sumnorms_numpy.py"),
     "mechanism": "global gradient norm for clipping computed as the sum of the per-tensor "
                  "norms instead of the square root of the sum of squares",
     "expected": ("clip", "norm", "global", "sum of", "l2")},
    {"id": "UL12", "side": "numpy", "args": quant(numpy="12_residsign_numpy.py"),
     "mechanism": "pinball gradient taken w.r.t. the residual e = y - pred (q where e > 0, q - 1 "
                  "else) without the chain-rule minus sign: every gradient reversed",
     "expected": ("sign", "negated", "reversed", "chain", "residual")},
    {"id": "UL13", "side": "numpy", "args": quant(numpy="13_coupledl2_numpy.py"),
     "mechanism": "AdamW weight decay added to the gradient (L2, g + wd W before the moments) "
                  "instead of decoupled (W *= 1 - lr wd)",
     "expected": ("decoupled", "weight decay", "l2", "coupled", "adamw")},
    {"id": "UL14", "side": "numpy", "args": quant(numpy="14_maskorder_numpy.py"),
     "mechanism": "ReLU masks zipped in forward order while walking the layers backwards: the "
                  "second hidden layer's mask used for the first and vice versa",
     "expected": ("mask", "relu", "order", "layer", "reversed")},
    {"id": "UL15", "side": "numpy", "args": studt(numpy="15_softplusgrad_numpy.py"),
     "mechanism": "softplus derivative taken as sigmoid(x)(1 - sigmoid(x)) (the sigmoid's own "
                  "derivative) instead of sigmoid(x), on the scale output",
     "expected": ("softplus", "sigmoid", "derivative", "scale")},
    {"id": "UL16", "side": "numpy", "args": studt(numpy="16_epsinside_numpy.py"),
     "mechanism": "Adam eps placed inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "denominator")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UL17", "side": "correct", "args": gauss_alt(),
     "mechanism": "correct: port with an nn.Sequential trunk, unbind of the head, "
                  "F.gaussian_nll_loss with var = exp(log-variance), zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "UL18", "side": "correct", "args": quant_alt(),
     "mechanism": "correct: NumPy quantile net with weights kept (in, out) in lists, einsum "
                  "forward/backward, np.where pinball gradient, in-place AdamW updates",
     "expected": ()},
    {"id": "UL19", "side": "correct", "args": studt_dist(),
     "mechanism": "correct: port in an nn.ModuleDict with the likelihood from "
                  "torch.distributions.StudentT(df=3, loc, scale).log_prob",
     "expected": ()},
]
