"""One hundred and seventy-third fresh held-out set for the diagnosis: one planted bug per program
in fresh173/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is autoencoders and
variational autoencoders on small synthetic data: dense encoders and decoders, a bottleneck, the
reparameterisation trick with its noise drawn once (carried as y, shared by both sides), a KL
term, a sigmoid decoder with binary cross-entropy or a Gaussian decoder with squared error,
trained with Adam or RMSprop.

The base programs (data from fresh173/make_data.py, fixed seed, nothing random while training):

    vae_numpy.py:BernoulliVAE / vae_torch.py:BernoulliVAE, vae.npz X (32, 12) in {0, 1},
        y (32, 3) the noise eps
        encoder 12->16 tanh, heads mu and logvar 16->3, z = mu + exp(0.5 logvar) eps, decoder
        3->16 tanh -> 12 logits; loss = BCE with logits summed over features + KL, both averaged
        over the batch. Parameters in a dict (W kept (in, out)). Adam lr 5e-3, betas
        (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam.
    gvae_numpy.py:GaussianVAE / gvae_torch.py:GaussianVAE, gvae.npz X (40, 8) continuous,
        y (40, 2) the noise eps
        encoder 8->10 tanh, heads 10->2, decoder 2->10 tanh -> 8 linear (Gaussian mean, unit
        variance); loss = 0.5 * squared error summed over features + KL, averaged over the batch.
        Parameters as attributes (W kept (in, out)); port with nn.Sequential. RMSprop lr 5e-3,
        alpha (rho) 0.9, eps 1e-8 outside the root, as torch.optim.RMSprop.
    ae_numpy.py:DenoisingAE / ae_torch.py:DenoisingAE, ae.npz X (48, 10) noisy, y (48, 10) clean
        10->8 tanh -> 3 (linear bottleneck) -> 8 tanh -> 10 linear; loss = mean squared error over
        every element (F.mse_loss). Parameters as attributes W1..W4, b1..b4; port with an
        nn.ModuleList. Adam lr 1e-2 with L2 weight decay 1e-3 added to the gradient (coupled), as
        torch.optim.Adam(weight_decay=1e-3).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh173_cases

Each case:
    id          short name (prefixed UQ)
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

F = "scripts/diagnosis_sets/fresh173/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def vae(numpy="vae_numpy.py", port="vae_torch.py", cls="BernoulliVAE"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":BernoulliVAE",
            "--data", F + "vae.npz", "--as-written",
            "--param", "params['We']=enc.weight.T",
            "--param", "params['be']=enc.bias",
            "--param", "params['Wmu']=fc_mu.weight.T",
            "--param", "params['bmu']=fc_mu.bias",
            "--param", "params['Wlv']=fc_logvar.weight.T",
            "--param", "params['blv']=fc_logvar.bias",
            "--param", "params['Wd']=dec.weight.T",
            "--param", "params['bd']=dec.bias",
            "--param", "params['Wo']=out.weight.T",
            "--param", "params['bo']=out.bias", *RUN]


def gvae(numpy="gvae_numpy.py", port="gvae_torch.py"):
    return [F + numpy + ":GaussianVAE", "--torch", F + port + ":GaussianVAE",
            "--data", F + "gvae.npz", "--as-written",
            "--param", "W_enc=encoder.0.weight.T",
            "--param", "b_enc=encoder.0.bias",
            "--param", "W_mu=mu.weight.T",
            "--param", "b_mu=mu.bias",
            "--param", "W_lv=logvar.weight.T",
            "--param", "b_lv=logvar.bias",
            "--param", "W_dec=decoder.0.weight.T",
            "--param", "b_dec=decoder.0.bias",
            "--param", "W_out=decoder.2.weight.T",
            "--param", "b_out=decoder.2.bias", *RUN]


def ae(numpy="ae_numpy.py", port="ae_torch.py", layout=".T"):
    args = [F + numpy + ":DenoisingAE", "--torch", F + port + ":DenoisingAE",
            "--data", F + "ae.npz", "--as-written"]
    for i in range(4):
        args += ["--param", f"W{i + 1}=layers.{i}.weight{layout}",
                 "--param", f"b{i + 1}=layers.{i}.bias"]
    return args + RUN


def vae_alt():
    args = [F + "vae_alt_numpy.py:BernoulliVAEAlt", "--torch", F + "vae_torch.py:BernoulliVAE",
            "--data", F + "vae.npz", "--as-written"]
    for layer, port in (("enc", "enc"), ("mu", "fc_mu"), ("logvar", "fc_logvar"),
                        ("dec", "dec"), ("out", "out")):
        args += ["--param", f"layers['{layer}']['W']={port}.weight.T",
                 "--param", f"layers['{layer}']['b']={port}.bias"]
    return args + RUN


def gvae_alt():
    args = [F + "gvae_numpy.py:GaussianVAE", "--torch", F + "gvae_alt_torch.py:GaussianVAE",
            "--data", F + "gvae.npz", "--as-written"]
    for name in ("enc", "mu", "lv", "dec", "out"):
        args += ["--param", f"W_{name}=W_{name}", "--param", f"b_{name}=b_{name}"]
    return args + RUN


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UQ01", "side": "port", "args": vae(port="01_stdlogvar_port.py"),
     "mechanism": "reparameterisation with std = exp(logvar) instead of exp(0.5 * logvar): the "
                  "log-variance head read as a log standard deviation",
     "expected": ("logvar", "log-variance", "std", "0.5", "reparameter")},
    {"id": "UQ02", "side": "port", "args": vae(port="02_klsum_port.py"),
     "mechanism": "KL term summed over the batch (not divided by N) while the BCE term is "
                  "averaged over the batch: the KL weighted N = 32 times too much",
     "expected": ("kl", "batch", "sum", "mean", "reduction")},
    {"id": "UQ03", "side": "port", "args": vae(port="03_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "UQ04", "side": "port", "args": gvae(port="04_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha 0.99 where the NumPy RMSprop "
                  "uses rho = 0.9 for the squared-gradient average",
     "expected": ("alpha", "rho", "0.99", "square_avg", "decay")},
    {"id": "UQ05", "side": "port", "args": gvae(port="05_mseloss_port.py"),
     "mechanism": "reconstruction as F.mse_loss(xhat, X) (mean over all N*D elements) instead of "
                  "0.5 * squared error summed over features and averaged over the batch",
     "expected": ("mse", "mean", "sum", "reduction", "0.5")},
    {"id": "UQ06", "side": "port", "args": gvae(port="06_detachstd_port.py"),
     "mechanism": "z = mu + exp(logvar / 2).detach() * eps: the std detached, so the logvar "
                  "head gets no gradient through the reconstruction (only the KL's)",
     "expected": ("detach", "logvar", "std", "reparameter", "no gradient")},
    {"id": "UQ07", "side": "port", "args": ae(port="07_adamw_port.py"),
     "mechanism": "torch.optim.AdamW(weight_decay=1e-3) (decoupled) where the NumPy Adam adds "
                  "the L2 term 1e-3 * p to the gradient (coupled, torch.optim.Adam)",
     "expected": ("weight decay", "decoupled", "adamw", "coupled", "l2")},
    {"id": "UQ08", "side": "port", "args": ae(port="08_zerograd_port.py"),
     "mechanism": "train_step without optimizer.zero_grad(): .grad accumulates over the steps",
     "expected": ("zero_grad", "accumulat", "reset", "previous")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UQ09", "side": "numpy", "args": vae(numpy="09_inplacedz_numpy.py"),
     "mechanism": "dmu = dz; dmu += mu / N aliases dz, so the logvar gradient's reparameterisation "
                  "path (dz * eps * 0.5 * std) also picks up the KL's mu / N",
     "expected": ("in-place", "in place", "alias", "copy", "logvar")},
    {"id": "UQ10", "side": "numpy", "args": vae(numpy="10_bcesigmoid_numpy.py"),
     "mechanism": "BCE-with-sigmoid output gradient (p - x) multiplied again by the sigmoid "
                  "derivative p (1 - p)",
     "expected": ("sigmoid", "derivative", "bce", "cross-entropy", "twice")},
    {"id": "UQ11", "side": "numpy", "args": vae(numpy="11_vhatbeta1_numpy.py"),
     "mechanism": "Adam second moment bias-corrected with beta1 (v_hat = v / (1 - beta1^t)) "
                  "instead of beta2",
     "expected": ("bias correction", "bias-correct", "beta1", "beta2", "v_hat", "second moment")},
    {"id": "UQ12", "side": "numpy", "args": gvae(numpy="12_biasmean_numpy.py"),
     "mechanism": "encoder hidden bias gradient averaged over the batch (mean axis 0) instead of "
                  "summed: b_enc's gradient N = 40 times too small (1/N applied twice)",
     "expected": ("bias", "mean", "sum", "batch", "reduction")},
    {"id": "UQ13", "side": "numpy", "args": gvae(numpy="13_klmusign_numpy.py"),
     "mechanism": "KL gradient with respect to mu with the wrong sign (d_mu = d_z - mu / n)",
     "expected": ("sign", "kl", "mu", "minus")},
    {"id": "UQ14", "side": "numpy", "args": gvae(numpy="14_tanhderiv_numpy.py"),
     "mechanism": "decoder hidden tanh derivative taken of the already-activated output "
                  "(1 - tanh(g)^2 with g = tanh(a)) instead of 1 - g^2",
     "expected": ("tanh", "derivative", "activated", "twice", "activation")},
    {"id": "UQ15", "side": "numpy", "args": ae(numpy="15_msegradN_numpy.py"),
     "mechanism": "MSE gradient divided by the batch size N instead of the N*D elements the mean "
                  "loss averages over: every gradient D = 10 times too large",
     "expected": ("mean", "reduction", "elements", "batch", "sum")},
    {"id": "UQ16", "side": "numpy", "args": ae(numpy="16_adamt_numpy.py"),
     "mechanism": "Adam step counter initialised to 1 instead of 0: the bias corrections use "
                  "t + 1 (off by one) at every step",
     "expected": ("bias correction", "step count", "off-by-one", "off by one", "timestep")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UQ17", "side": "correct", "args": vae_alt(),
     "mechanism": "correct: NumPy VAE with a dict of layers, einsum products, logaddexp softplus, "
                  "Adam in place with the bias corrections folded into the step size and eps",
     "expected": ()},
    {"id": "UQ18", "side": "correct", "args": gvae_alt(),
     "mechanism": "correct: port with raw (in, out) nn.Parameters, x @ W + b, KL from "
                  "torch.distributions.kl_divergence(Normal, Normal(0, 1))",
     "expected": ()},
    {"id": "UQ19", "side": "correct", "args": ae(numpy="ae_alt_numpy.py", layout=""),
     "mechanism": "correct: NumPy denoising AE with torch-layout (out, in) weights, a backward "
                  "loop over the layers and Adam moments updated in place",
     "expected": ()},
]
