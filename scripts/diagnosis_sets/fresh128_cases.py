"""A hundred-and-twenty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh128/,
written blind (without reading the kit's diagnosis rules, its findings list, its tests or any other set).
The theme is hypernetworks and conditioning: a small network that generates the weights of another
layer, FiLM layers (feature-wise scale and shift computed from a conditioning input) and bilinear
layers x^T W y. Three base programs, each a NumPy program with a hand-written backward pass and
optimizer and its PyTorch port (autograd, torch.optim):

  film      film_numpy.py:FiLMNet / film_torch.py:FiLMNet, data film.npz (X (64, 12) = features x (8)
            and conditioning c (4); y (64, 1) float). h = relu(x W1 + b1); gamma = c Wg + bg (bg starts
            at 1), beta = c Wb + bb; f = gamma * h + beta; yhat = f W2 + b2; mean squared error.
            SGD with momentum 0.9 (torch form v = mu v + g, p -= lr v), lr 0.05; state net.velocity.
            The port: nn.Linear fc1, film_gamma, film_beta, out; F.mse_loss; torch.optim.SGD(momentum).
  hyper     hyper_numpy.py:HyperNet / hyper_torch.py:HyperNet, data hyper.npz (X (64, 9) = input x (6)
            and task code z (3); y (64,) int64 in {0, 1, 2}). A hypernetwork u = tanh(z H1 + c1),
            Wgen = (u H2 + c2).reshape(N, 6, 5) generates a per-row weight matrix of the target
            layer a = tanh(einsum(x, Wgen) + bt); logits = a Wo + bo; mean softmax cross-entropy.
            Adam written by hand (lr 0.01, betas 0.9/0.999, eps 1e-8, both bias corrections);
            state net.m, net.v. The port: nn.Linear hyper1, hyper2, out, a Parameter bt, view +
            bmm; F.cross_entropy; torch.optim.Adam.
  bilinear  bilinear_numpy.py:BilinearNet / bilinear_torch.py:BilinearNet, data bilinear.npz
            (X (96, 15) = first input (5), second input v (4), dropout keep-mask (6) fixed as data,
            keep 0.75; y (96, 1) in {0, 1}); mini-batches of 32. u = tanh(x A + a);
            z_k = u W[k] v + b_k with W (6, 6, 4) laid out as nn.Bilinear's weight;
            h = relu(z) * mask / 0.75 (inverted dropout); logit = h V + c; mean BCE with logits.
            SGD lr 0.5 with L2 weight decay 0.01 folded into the gradient (torch.optim.SGD
            weight_decay). The port: nn.Linear enc, nn.Bilinear bil, nn.Linear out;
            nn.BCEWithLogitsLoss; torch.optim.SGD(weight_decay).

Every run: --as-written, parameters paired by --param, --steps 20 --dtype float32 --device cpu.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh128_cases

Each case:
    id          short name (prefixed SX)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a "port"
                case is the buggy port against the correct NumPy base, a "numpy" case the buggy
                NumPy program against the correct port, a "correct" case a differently written
                correct variant against the other base program
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or tests; validated by exit status alone
(each buggy program exits 1 and its fixed copy 0 under the same arguments; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh128/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

FILM_PARAMS = [
    "--param", "params['W1']=fc1.weight.T",
    "--param", "params['b1']=fc1.bias",
    "--param", "params['Wg']=film_gamma.weight.T",
    "--param", "params['bg']=film_gamma.bias",
    "--param", "params['Wb']=film_beta.weight.T",
    "--param", "params['bb']=film_beta.bias",
    "--param", "params['W2']=out.weight.T",
    "--param", "params['b2']=out.bias",
]

HYPER_PARAMS = [
    "--param", "params['H1']=hyper1.weight.T",
    "--param", "params['c1']=hyper1.bias",
    "--param", "params['H2']=hyper2.weight.T",
    "--param", "params['c2']=hyper2.bias",
    "--param", "params['bt']=bt",
    "--param", "params['Wo']=out.weight.T",
    "--param", "params['bo']=out.bias",
]

HYPER_RAW_PARAMS = [
    "--param", "params['H1']=H1",
    "--param", "params['c1']=c1",
    "--param", "params['H2']=H2",
    "--param", "params['c2']=c2",
    "--param", "params['bt']=bt",
    "--param", "params['Wo']=Wo",
    "--param", "params['bo']=bo",
]

BILINEAR_PARAMS = [
    "--param", "params['A']=enc.weight.T",
    "--param", "params['a']=enc.bias",
    "--param", "params['W']=bil.weight",
    "--param", "params['b']=bil.bias",
    "--param", "params['V']=out.weight.T",
    "--param", "params['c']=out.bias",
]


def film(numpy="film_numpy.py", port="film_torch.py"):
    return [F + numpy + ":FiLMNet", "--torch", F + port + ":FiLMNet", *COMMON,
            "--data", F + "film.npz", "--init", "net = FiLMNet()", *FILM_PARAMS]


def hyper(numpy="hyper_numpy.py", port="hyper_torch.py", cls="HyperNet", params=HYPER_PARAMS):
    return [F + numpy + ":HyperNet", "--torch", F + port + ":" + cls, *COMMON,
            "--data", F + "hyper.npz", "--init", "net = HyperNet()", *params]


def bilinear(numpy="bilinear_numpy.py", port="bilinear_torch.py"):
    return [F + numpy + ":BilinearNet", "--torch", F + port + ":BilinearNet", *COMMON,
            "--data", F + "bilinear.npz", "--batch-size", "32", "--init", "net = BilinearNet()",
            *BILINEAR_PARAMS]


CASES = [
    # ------------------------------------------------------------ buggy ports
    {"id": "SX01", "side": "port", "args": film(port="01_film_onepgamma_port.py"),
     "mechanism": "FiLM scale written as (1 + gamma) in the port while the NumPy program uses gamma directly (its bias already starts at 1): every modulated feature gets an extra h",
     "expected": ("1 +", "1+", "scale", "gamma", "film")},
    {"id": "SX02", "side": "port", "args": film(port="02_film_nesterov_port.py"),
     "mechanism": "port's torch.optim.SGD made with nesterov=True where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov",)},
    {"id": "SX03", "side": "port", "args": film(port="03_film_sumloss_port.py"),
     "mechanism": "port's F.mse_loss with reduction='sum' where the NumPy program takes the mean over rows",
     "expected": ("sum", "mean", "reduction", "batch size")},
    {"id": "SX04", "side": "port", "args": hyper(port="04_hyper_viewlayout_port.py"),
     "mechanism": "generated weight vector reshaped as (N, 5, 6) and transposed instead of viewed row-major as (N, 6, 5): the hypernetwork's outputs land in the wrong entries of the target weight",
     "expected": ("reshape", "view", "transpose", "layout", "order")},
    {"id": "SX05", "side": "port", "args": hyper(port="05_hyper_adamw_port.py"),
     "mechanism": "port uses torch.optim.AdamW (decoupled weight decay 0.01 by default) where the NumPy program is plain Adam",
     "expected": ("adamw", "weight decay", "decoupled", "decay")},
    {"id": "SX06", "side": "port", "args": hyper(port="06_hyper_softmaxtwice_port.py"),
     "mechanism": "port's forward ends in softmax and F.cross_entropy applies log-softmax again (softmax applied twice)",
     "expected": ("softmax", "twice", "double", "logits", "probabilities")},
    {"id": "SX07", "side": "port", "args": bilinear(port="07_bilinear_dropscale_port.py"),
     "mechanism": "port applies the dropout mask without the inverted-dropout 1/keep scaling",
     "expected": ("dropout", "keep", "scale", "mask", "1/(1-p)")},
    {"id": "SX08", "side": "port", "args": bilinear(port="08_bilinear_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of the port's train_step: gradients accumulate across mini-batches",
     "expected": ("zero_grad", "accumulat", "not cleared", "summed over steps")},
    # ----------------------------------------------------------- buggy NumPy programs
    {"id": "SX09", "side": "numpy", "args": film(numpy="09_film_dhgamma_numpy.py"),
     "mechanism": "backward through the FiLM layer drops the gamma factor: dh = df instead of df * gamma (gradients of W1 and b1 wrong)",
     "expected": ("gamma", "scale", "film", "chain rule", "W1")},
    {"id": "SX10", "side": "numpy", "args": film(numpy="10_film_velorder_numpy.py"),
     "mechanism": "momentum step applies the old velocity before updating it (parameter update and velocity update in the wrong order), so each step uses the previous step's velocity and step 1 moves nothing",
     "expected": ("order", "velocity", "stale", "previous step", "before")},
    {"id": "SX11", "side": "numpy", "args": film(numpy="11_film_msefactor_numpy.py"),
     "mechanism": "derivative of the mean squared error missing its factor 2 (every gradient halved)",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "2x")},
    {"id": "SX12", "side": "numpy", "args": hyper(numpy="12_hyper_tanhtwice_numpy.py"),
     "mechanism": "tanh derivative of the hypernetwork's hidden layer computed as 1 - tanh(u)^2 on the already-activated u (tanh applied twice)",
     "expected": ("tanh", "derivative", "activated", "activation")},
    {"id": "SX13", "side": "numpy", "args": hyper(numpy="13_hyper_nobc2_numpy.py"),
     "mechanism": "hand-written Adam leaves out the second-moment bias correction (sqrt(v) not divided by sqrt(1 - beta2^t))",
     "expected": ("bias correction", "bias-correction", "second moment", "beta2", "exp_avg_sq")},
    {"id": "SX14", "side": "numpy", "args": hyper(numpy="14_hyper_btmean_numpy.py"),
     "mechanism": "gradient of the target layer's bias bt averaged over the batch (mean) instead of summed, on top of a loss already divided by N: bt.grad is 1/N of the true one (Adam's update nearly hides it)",
     "expected": ("mean", "sum", "batch size", "bt", "1/N")},
    {"id": "SX15", "side": "numpy", "args": bilinear(numpy="15_bilinear_nomask_numpy.py"),
     "mechanism": "backward pass leaves out the dropout mask (and its 1/keep scale): gradient flows through dropped units",
     "expected": ("dropout", "mask", "dropped", "keep")},
    {"id": "SX16", "side": "numpy", "args": bilinear(numpy="16_bilinear_einsumaxes_numpy.py"),
     "mechanism": "bilinear weight gradient built with the output and first-input axes swapped in the einsum (dW[k,i,j] from dz[:, i] and u[:, k])",
     "expected": ("axis", "axes", "transpose", "einsum", "swap")},
    # ------------------------------------------------------------ correct variants
    {"id": "SX17", "side": "correct", "args": film(numpy="17_film_fused_numpy.py"),
     "mechanism": "correct: FiLM scale and shift computed by one stacked matmul and split; momentum buffer updated in place",
     "expected": ()},
    {"id": "SX18", "side": "correct",
     "args": hyper(port="18_hyper_rawparams_port.py", cls="HyperNetRaw", params=HYPER_RAW_PARAMS),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy (in, out) layout, einsum for the generated layer, log_softmax + nll_loss",
     "expected": ()},
    {"id": "SX19", "side": "correct", "args": bilinear(numpy="19_bilinear_outer_numpy.py"),
     "mechanism": "correct: bilinear layer as a matmul on the flattened outer product, dropout as a boolean select, weight decay added inside the step",
     "expected": ()},
]
